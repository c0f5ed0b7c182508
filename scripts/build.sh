#!/usr/bin/env bash
# Builds every page of the site into dist/, each its own download (Cargo.toml, [features]):
#   dist/            Module 6 and the home page      (index.html)
#   dist/module-5/   Module 5                        (module-5/index.html)
#   dist/restore/    restoring backups and imports   (restore/index.html)
# The root page first: Trunk replaces its whole dist folder, the others only their own.
# Extra arguments go to every `trunk build` (e.g. --release).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
trunk build "$@"
trunk build "$@" --dist dist/module-5 module-5/index.html
trunk build "$@" --dist dist/restore restore/index.html
