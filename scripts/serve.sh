#!/usr/bin/env bash
# Sets up what is missing, builds every page of the app (scripts/build.sh) and serves the
# site at http://127.0.0.1:8080/ (Module 6 and the home page; module-5/ and restore/ beside
# it). Rerun it to rebuild after a change. Stop it with Ctrl-C; it stops by itself after
# 8 hours.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --app
export PATH="$PWD/node_modules/.bin:$PATH"
scripts/build.sh --release "$@"
echo "Serving at http://127.0.0.1:8080/"
PORT=8080 SERVE_SECONDS=28800 exec node e2e/serve.mjs dist
