#!/usr/bin/env bash
# Sets everything up, checks the course, builds it and serves it at http://127.0.0.1:PORT
# Usage: bash scripts/serve.sh [PORT]   (default 8000)
set -euo pipefail
port="${1:-8000}"
if ! [[ "$port" =~ ^[0-9]+$ ]] || [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then
  echo "serve.sh: '$port' is not a port number; give one from 1 to 65535, such as 8001" >&2
  exit 2
fi
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" ""  # no extras: the course and its toolkit
sidebyside validate || echo "The preview shows these problems on every page until they are fixed."
exec mkdocs serve -a "127.0.0.1:$port"
