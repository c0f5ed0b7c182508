#!/usr/bin/env bash
# Sets up what is missing, then builds and serves the app at http://127.0.0.1:8080/
# (rebuilding on every change). Stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --app
export PATH="$PWD/node_modules/.bin:$PATH"
exec trunk serve --release "$@"
