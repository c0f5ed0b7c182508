#!/usr/bin/env bash
# Fuzzes the importer (fuzz/fuzz_targets/import.rs) for SECONDS (default 300), on demand;
# CI does not run it. Seeds: the stored v1 samples, a backup and a fresh export. Prints
# libFuzzer's execution count at the end. Needs nightly Rust and cargo-fuzz, installed
# here when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
corpus=fuzz/corpus/import
mkdir -p "$corpus"
cp tests/samples/* "$corpus/"
cp tests/expected/deployment-strategy.md "$corpus/"
cargo +nightly fuzz run import "$corpus" -- -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 2>&1 |
  tee fuzz/last-run.log | grep -E 'stat::number_of_executed_units|stat::peak_rss_mb|ERROR|panicked' || true
grep -q 'stat::number_of_executed_units' fuzz/last-run.log
