#!/usr/bin/env bash
# Sets everything up, checks the course, builds it and serves it at http://127.0.0.1:8000
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
sidebyside validate
exec mkdocs serve -a 127.0.0.1:8000
