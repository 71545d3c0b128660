#!/usr/bin/env bash
# Creates .venv and installs the toolkit into it. Sourced by the other scripts.
# Usage: source scripts/setup.sh [extra]   (extra: "test" for the test tools)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
extra="${1:-}"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
if [ -n "$extra" ]; then
  .venv/bin/python -m pip install --quiet -e ".[$extra]"
else
  .venv/bin/python -m pip install --quiet -e .
fi
export PATH="$PWD/.venv/bin:$PATH"
