#!/usr/bin/env bash
# Runs every cargo-fuzz target (fuzz/fuzz_targets, bodies in
# crates/fuzz-targets) for SECONDS each (default 600), one after another.
#   bash bench/fuzz.sh            # 10 minutes a target
#   bash bench/fuzz.sh 25         # the CI's short run
#   FUZZ_TARGETS="ucdp gtd" bash bench/fuzz.sh 3600
#   FUZZ_SANITIZER=none bash bench/fuzz.sh 8    # CI: no AddressSanitizer
#     (Rust code needs none to find panics; the build takes half the time)
# Needs the nightly toolchain and cargo-fuzz (installed if missing). The
# committed seeds (fuzz/corpus/TARGET) are read, never written: what
# libFuzzer finds goes to bench/work/fuzz/corpus/TARGET, crashes to
# fuzz/artifacts/TARGET (a crash stops the script, exit 1; fix it, then
# copy the input into fuzz/corpus/TARGET as a regression).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
targets="${FUZZ_TARGETS:-native_csv native_jsonl acled ucdp gtd members partners activities notes article markdown}"
sanitizer="${FUZZ_SANITIZER:-address}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}/fuzz"

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked

cd fuzz
cargo +nightly fuzz build -O -s "$sanitizer"
for target in $targets; do
    work="../bench/work/fuzz/corpus/$target"
    mkdir -p "$work"
    echo "== $target: ${seconds} s"
    start=$(date +%s)
    # -max_len: larger than every seed; -rss_limit_mb: a reader holds one record
    log="../bench/work/fuzz/$target.log"
    status=0
    cargo +nightly fuzz run -O -s "$sanitizer" "$target" "$work" "corpus/$target" -- \
        -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1 || status=$?
    grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|SUMMARY|Test unit written|thread .* panicked)' "$log" || true
    echo "   $target: $(( $(date +%s) - start )) s, exit $status, corpus $(ls "$work" | wc -l) files"
    [ "$status" -eq 0 ] || { echo "$target: crash, see fuzz/artifacts/$target"; exit 1; }
done
