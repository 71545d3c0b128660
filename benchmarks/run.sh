#!/usr/bin/env bash
# Benchmarks, not tests: build-time ratios, weights, PDF cost, Lighthouse scores -> BENCHMARKS.md,
# then a long fuzzing run of the loader.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh" test
[ -x /usr/bin/chromium ] || { echo "install Debian's chromium first (bash scripts/test.sh does)"; exit 1; }
[ -x node_modules/.bin/lighthouse ] || npm install --no-audit --no-fund --ignore-scripts --loglevel=error
python benchmarks/run.py "$@"
python benchmarks/lighthouse.py
python benchmarks/preview.py
SIDEBYSIDE_FUZZ_EXAMPLES="${SIDEBYSIDE_FUZZ_EXAMPLES:-20000}" python -m pytest -q tests/test_fuzz.py tests/test_text.py
