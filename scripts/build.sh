#!/usr/bin/env bash
# Builds every page of the site into dist/, each its own download (Cargo.toml, [features]):
#   dist/            Module 6 and the home page      (index.html)
#   dist/module-5/   Module 5                        (module-5/index.html)
#   dist/capstone/   Module 6's capstone             (capstone/index.html)
#   dist/restore/    restoring backups and imports   (restore/index.html)
#   dist/review/     instructors: a cohort reviewed  (review/index.html)
#   dist/review/participant/  one participant's Module 6 work graded (review/participant/index.html)
#   dist/review/module-5/     the same for Module 5   (review/module-5/index.html)
# Extra arguments go to every `trunk build` (e.g. --release).
#
# The root page first: it compiles every dependency, and Trunk replaces its whole dist
# folder (the others only their own). Then the other six in two chains at once: what is
# left of a page (its own crate, the link, wasm-opt) runs on one core, so two pages at a
# time use both. Cargo builds one thing at a time in a target folder, so the second chain
# works in a copy of target/ whose dependencies are already compiled.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

profile=debug
for arg in "$@"; do [ "$arg" != --release ] || profile=release; done

# One build at a time (serve.sh and test.sh both build): two would copy target/ into the
# second chain's folder while the other compiles from it.
mkdir -p target
exec 9>target/build.lock
if ! flock -n 9; then
  echo "Another build of the site is running; waiting for it to finish."
  flock 9
fi

# page <cargo target folder> [trunk build arguments...]
page() {
  local target=$1
  shift
  # Trunk keeps wasm-bindgen's output in one folder for every build and copies all of it,
  # so one page's JS snippets would ride along with the next page: empty it before each.
  rm -rf "$target/wasm-bindgen"
  CARGO_TARGET_DIR=$target trunk build "$@"
}

page target "$@"

second=target/second-chain
mkdir -p "$second/wasm32-unknown-unknown"
# Only this profile's folders: build scripts and macros (host), and the wasm dependencies.
# Copied over the last copy, which keeps the review pages' own builds for the next run.
cp -a "target/$profile" "$second/"
cp -a "target/wasm32-unknown-unknown/$profile" "$second/wasm32-unknown-unknown/"

# The review pages' output is kept apart and printed once they are built.
(
  page "$second" "$@" --dist dist/review review/index.html
  page "$second" "$@" --dist dist/review/participant review/participant/index.html
  page "$second" "$@" --dist dist/review/module-5 review/module-5/index.html
) >"$second.log" 2>&1 &
review_pages=$!
# Should this script fail or be stopped, the review pages' chain (Trunk, cargo, rustc) stops too.
stop_tree() {
  local child
  for child in $(pgrep -P "$1"); do stop_tree "$child"; done
  kill "$1" 2>/dev/null || true
}
trap 'stop_tree "$review_pages"' EXIT
page target "$@" --dist dist/module-5 module-5/index.html
page target "$@" --dist dist/capstone capstone/index.html
page target "$@" --dist dist/restore restore/index.html
status=0
wait "$review_pages" || status=$?
trap - EXIT
echo "--- The review pages, built alongside:"
cat "$second.log"
exit "$status"
