#!/usr/bin/env bash
# The check to run before landing a test: the end-to-end suite, several times in a row,
# while two CPU-bound processes keep both cores of a 2-core machine busy. A test that
# waits on a state lasting less than a second, or on an order it does not control, fails
# here long before it fails in CI.
#   scripts/e2e-under-load.sh [runs, default 5] [extra arguments for playwright test]
# It uses the release build in dist/ (built first if missing; scripts/test.sh leaves one).
# The load is started and stopped by this script, and each load process also stops by
# itself after LOAD_SECONDS (default 2 hours), so nothing outlives an interrupted run.
# LOAD_PROCESSES (default 2) sets how many busy loops run.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shift || true
export PATH="$PWD/node_modules/.bin:$PATH"

if [ ! -f dist/index.html ] || [ ! -f dist/module-5/index.html ] || [ ! -f dist/capstone/index.html ] || [ ! -f dist/review/participant/index.html ] || [ ! -f dist/review/module-5/index.html ]; then
  scripts/setup.sh
  scripts/build.sh --release
fi

load_pids=()
stop_load() {
  for pid in "${load_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_load EXIT INT TERM
for _ in $(seq 1 "${LOAD_PROCESSES:-2}"); do
  timeout "${LOAD_SECONDS:-7200}" sh -c 'while :; do :; done' &
  load_pids+=($!)
done
echo "==> Load: ${#load_pids[@]} busy loops (pids ${load_pids[*]}), stopped when this script ends"

# Each run's report, log and failure traces, kept apart (Playwright empties its output folder).
reports=target/e2e-under-load
rm -rf "$reports"
mkdir -p "$reports"
failed_runs=0
started=$SECONDS
for run in $(seq 1 "$runs"); do
  run_started=$SECONDS
  # A failure keeps its trace (run-N/<test>/trace.zip), for `npx playwright show-trace`.
  if E2E_TRACE=retain-on-failure PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/run-$run.json" npx playwright test \
    --output "$reports/run-$run" --reporter=line,json "$@" >"$reports/run-$run.log" 2>&1; then
    outcome=passed
  else
    outcome=FAILED
    failed_runs=$((failed_runs + 1))
  fi
  counts=$(node -e '
    const s = require(process.argv[1]).stats;
    console.log(`${s.expected} passed, ${s.unexpected} failed, ${s.flaky} flaky, ${s.skipped} skipped`);
  ' "$PWD/$reports/run-$run.json" 2>/dev/null || echo "no report")
  echo "run $run of $runs: $outcome in $((SECONDS - run_started)) s ($counts; log: $reports/run-$run.log)"
  if [ "$outcome" = FAILED ]; then grep -E '^\s+[0-9]+\) |Error:' "$reports/run-$run.log" | head -20 || true; fi
done
echo "==> $runs runs under load in $((SECONDS - started)) s: $failed_runs failed"
[ "$failed_runs" -eq 0 ]
