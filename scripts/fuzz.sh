#!/usr/bin/env bash
# Builds the libFuzzer targets (clang-22, ASan + UBSan) into build-fuzz/ and
# runs each one, seeded from fuzz/corpus/<target>/ (fuzz/README.md).
#
#   scripts/fuzz.sh smoke            every target for ${ACCEL_FUZZ_SECONDS:-20} s (CI)
#                                    (ACCEL_FUZZ_TARGETS="a b" for some)
#   scripts/fuzz.sh run TARGET ARGS  one target with libFuzzer's own ARGS
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ACCEL_FUZZ_BUILD_DIR:-$root/build-fuzz}
"$root/scripts/setup.sh"
if [ ! -f "$build/build.ninja" ]; then
  CC=clang-22 CXX=clang++-22 cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release -DACCEL_BUILD_FUZZERS=ON \
    -DACCEL_SANITIZE=address,undefined \
    -DACCEL_BUILD_TESTS=OFF -DACCEL_BUILD_BENCHMARKS=OFF
fi
# ACCEL_FUZZ_TARGETS narrows the set (space-separated names).
read -r -a targets <<< "${ACCEL_FUZZ_TARGETS:-maestro-import stonne-args accel-ir cost-model executor}"
cmake --build "$build" --target "${targets[@]/#/accel-fuzz-}"
while IFS= read -r setting; do
  export "${setting?}"
done < <(grep -E '^[A-Z]' "$root/cmake/SanitizerOptions.txt")
# Growth of a shared MLIRContext between renewals is bounded; leaks at exit
# are libFuzzer's business, not a finding.
export ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0"

# Seeds: the suite's own inputs (read only; new finds go to build-fuzz/).
seeds() {
  case "$1" in
    maestro-import) echo "$root/test/Target/Maestro" ;;
    stonne-args) echo "$root/fuzz/corpus/stonne-args" ;;
    accel-ir) echo "$root/test/Dialect/Accel" "$root/dataflows" ;;
    cost-model | executor) ;;
  esac
}

run() {
  local target=$1; shift
  local corpus="$build/fuzz-corpus/$target"
  mkdir -p "$corpus"
  # shellcheck disable=SC2046
  "$build/bin/accel-fuzz-$target" "$corpus" $(seeds "$target") \
    -artifact_prefix="$build/fuzz-artifacts-$target-" -max_len=4096 \
    -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 "$@"
}

case "${1:-smoke}" in
  smoke)
    for target in "${targets[@]}"; do
      echo "== accel-fuzz-$target (${ACCEL_FUZZ_SECONDS:-20} s)"
      log="$build/fuzz-smoke-$target.log"
      status=0
      run "$target" -max_total_time="${ACCEL_FUZZ_SECONDS:-20}" > "$log" 2>&1 || status=$?
      # The summary, and on a finding the case and the first frames.
      grep -E '^(stat::|Done|SUMMARY|fuzz property)|ERROR|^ *#[0-9] ' "$log" | head -40 || true
      if [ "$status" -ne 0 ]; then
        grep -B12 'fuzz property' "$log" | head -20 || true
        echo "accel-fuzz-$target failed (exit $status); the input is in $build/fuzz-artifacts-$target-*"
        exit 1
      fi
    done
    ;;
  run)
    shift
    run "$@"
    ;;
  *)
    echo "usage: $0 smoke | run TARGET [libFuzzer args]" >&2
    exit 2
    ;;
esac
