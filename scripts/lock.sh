#!/usr/bin/env bash
# Refreshes the pinned versions in requirements/ from pyproject.toml with uv's resolver.
# Run scripts/try-latest.sh first to see that the newest versions pass, then commit the
# changed requirements/*.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv-tools/bin/uv ]; then
  python3 -m venv .venv-tools
  .venv-tools/bin/python -m pip install --quiet "uv==0.13.9"
fi
uv=.venv-tools/bin/uv
"$uv" pip compile --quiet --upgrade --python-version 3.11 pyproject.toml -o requirements/base.txt
"$uv" pip compile --quiet --upgrade --python-version 3.11 --extra test pyproject.toml \
  -o requirements/test.txt
git --no-pager diff --stat -- requirements/
