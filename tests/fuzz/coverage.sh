#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer on the stable compiler (docs/fuzzing.md).
# Usage: tests/fuzz/coverage.sh <libFuzzer options…>, e.g. -max_total_time=600 or -runs=2000.
# Builds fuzz/ with the sanitizer-coverage flags cargo-fuzz passes, then runs every target of
# tests/fuzz/targets.rs, two at a time, from its real seeds plus the corpus earlier runs kept in
# target/fuzz-corpus/. Prints a table of executions and coverage; fails if any input panics
# (saved in target/fuzz-crashes/: make it a regression test).
set -euo pipefail
cd "$(dirname "$0")/../.."
TRIPLE=$(rustc -vV | sed -n 's/^host: //p')
export CARGO_TARGET_DIR=$PWD/target/fuzz-coverage
# --target keeps these flags off build scripts and proc macros.
RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 -Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
-Cllvm-args=-sanitizer-coverage-pc-table -Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks" \
  cargo build --quiet --release --manifest-path fuzz/Cargo.toml --target "$TRIPLE"
BIN=$CARGO_TARGET_DIR/$TRIPLE/release/alianzas-fuzz
TARGETS=$(sed -n 's/^ *("\([a-z-]*\)", vec!\[.*/\1/p; s/^ *"\([a-z-]*\)",$/\1/p' tests/fuzz/targets.rs)
mkdir -p target/fuzz-crashes target/fuzz-logs
run() {
  local t=$1; shift
  FUZZ_TARGET=$t FUZZ_CORPUS=target/fuzz-corpus/$t "$BIN" target/fuzz-corpus/$t -print_final_stats=1 \
    -artifact_prefix=target/fuzz-crashes/$t- -close_fd_mask=3 "$@" >target/fuzz-logs/$t.log 2>&1 || echo "$t: CRASH (see target/fuzz-logs/$t.log)"
}
export -f run; export BIN
printf '%s\n' $TARGETS | xargs -P 2 -I{} bash -c 'run "$@"' _ {} "$@"
echo "| target | executions | edges covered | corpus inputs |"
echo "|---|---:|---:|---:|"
total=0; failed=0
for t in $TARGETS; do
  log=target/fuzz-logs/$t.log
  runs=$(sed -n 's/^stat::number_of_executed_units: //p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  corpus=$(ls target/fuzz-corpus/$t | wc -l)
  grep -q 'stat::number_of_executed_units' "$log" || { failed=1; runs=0; }
  grep -qE 'deadly signal|panicked|ERROR: libFuzzer' "$log" && failed=1
  echo "| $t | ${runs:-0} | ${cov:-?} | $corpus |"
  total=$((total + ${runs:-0}))
done
echo "| **total** | **$total** | | |"
[ "$failed" = 0 ] || { echo "a target crashed: see target/fuzz-logs/ and target/fuzz-crashes/"; exit 1; }
