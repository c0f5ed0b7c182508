#!/usr/bin/env bash
# Sets up what is missing, then runs every test: the core natively, the browser adapters in
# headless Chromium, the workflow lint, and the end-to-end suite against a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
mkdir -p test-results

# Each step says how long the one before it took, and the end gives the total.
step_started=$SECONDS
step() {
  if [ -n "${step_name:-}" ]; then echo "    ($step_name: $((SECONDS - step_started)) s)"; fi
  step_name=$1
  step_started=$SECONDS
  echo "==> $1"
}

passed=0
count() { # adds up "N passed" from cargo's "test result:" lines in a log
  local n
  n=$(grep -Eo 'test result: ok\. [0-9]+ passed' "$1" | awk '{ s += $4 } END { print s + 0 }')
  passed=$((passed + n))
}

step "Format: cargo fmt --check"
cargo fmt --check

step "Core: native unit and export tests"
cargo test --locked 2>&1 | tee test-results/native.log
count test-results/native.log

step "Browser adapters: wasm-bindgen-test in headless Chromium"
cargo test --locked --target wasm32-unknown-unknown --test browser_storage --test browser_review_store 2>&1 | tee test-results/browser.log
count test-results/browser.log

step "Workflow lint: actionlint over this repository's workflows and every one Module 5 can generate"
cargo run --quiet --locked --example module5_files -- target/generated-workflows
node scripts/lint-workflows.mjs .github/workflows target/generated-workflows

step "Release build, and the first-load size budget"
scripts/build.sh --release
node bench/sizes.mjs dist --check

step "End to end: Playwright in headless Chromium"
npx playwright test
e2e=$(node -e 'const s = require("./test-results/e2e.json").stats; console.log(s.expected + s.flaky)')
passed=$((passed + e2e))

step "Done"
echo
echo "All tests: $passed passed, 0 failed, in $SECONDS s"
