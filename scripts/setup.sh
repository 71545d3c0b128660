#!/usr/bin/env bash
# Creates a virtual environment and installs the toolkit into it, at the versions pinned in
# requirements/ (see scripts/lock.sh). Sourced by the other scripts.
# Usage: source scripts/setup.sh [extra]   (extra: "test" for the test tools)
# SIDEBYSIDE_VENV names another environment folder (default .venv);
# SIDEBYSIDE_UNPINNED=1 takes the newest versions instead of the pins.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
extra="${1:-}"
venv="${SIDEBYSIDE_VENV:-.venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
target="."
pins=(-c requirements/base.txt)
if [ -n "$extra" ]; then
  target=".[$extra]"
  pins=(-c "requirements/$extra.txt")
fi
if [ "${SIDEBYSIDE_UNPINNED:-}" = 1 ]; then
  "$venv/bin/python" -m pip install --quiet --upgrade --upgrade-strategy eager -e "$target"
else
  "$venv/bin/python" -m pip install --quiet "${pins[@]}" -e "$target"
fi
export PATH="$PWD/$venv/bin:$PATH"
