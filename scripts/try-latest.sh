#!/usr/bin/env bash
# Runs every test against the newest release of each dependency, ignoring the pins, in a
# separate environment (.venv-latest). Not part of the test command: it tells whether
# refreshing the pins (scripts/lock.sh) is safe today.
set -euo pipefail
cd "$(dirname "$0")/.."
SIDEBYSIDE_VENV=.venv-latest SIDEBYSIDE_UNPINNED=1 bash scripts/test.sh "$@"
