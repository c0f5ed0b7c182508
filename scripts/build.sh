#!/usr/bin/env bash
# Builds every page of the site into dist/, each its own download (Cargo.toml, [features]):
#   dist/            Module 6 and the home page      (index.html)
#   dist/module-5/   Module 5                        (module-5/index.html)
#   dist/restore/    restoring backups and imports   (restore/index.html)
#   dist/review/     instructors: a cohort reviewed  (review/index.html)
#   dist/review/participant/  one participant graded (review/participant/index.html)
# The root page first: Trunk replaces its whole dist folder, the others only their own.
# Extra arguments go to every `trunk build` (e.g. --release).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
# Trunk keeps wasm-bindgen's output in one folder for every build and copies all of it,
# so one page's JS snippets would ride along with the next page: empty it before each.
page() {
  rm -rf target/wasm-bindgen
  trunk build "$@"
}
page "$@"
page "$@" --dist dist/module-5 module-5/index.html
page "$@" --dist dist/restore restore/index.html
page "$@" --dist dist/review review/index.html
page "$@" --dist dist/review/participant review/participant/index.html
