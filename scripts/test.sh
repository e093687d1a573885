#!/usr/bin/env bash
# Set up, build, and run every test (lit suites and unit tests) through
# CTest. Ends with a line "N passed, N failed".
#
#   scripts/test.sh              the release build in build/
#   scripts/test.sh --sanitize   the same suite with ASan + UBSan on our code,
#                                in build-sanitize/ (runtime options from
#                                cmake/SanitizerOptions.txt)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ "${1:-}" = "--sanitize" ]; then
  export ACCEL_BUILD_DIR=${ACCEL_BUILD_DIR:-$root/build-sanitize}
  export ACCEL_CMAKE_ARGS="-DACCEL_SANITIZE=address,undefined -DACCEL_BUILD_BENCHMARKS=OFF ${ACCEL_CMAKE_ARGS:-}"
  # The unit tests are listed by running them at build time: they need the
  # runtime options then too.
  while IFS= read -r setting; do
    export "${setting?}"
  done < <(grep -E '^[A-Z]' "$root/cmake/SanitizerOptions.txt")
fi
build=${ACCEL_BUILD_DIR:-$root/build}
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
(cd "$build" && ctest --output-on-failure -j "$(nproc)") 2>&1 | tee "$log" || status=$?
passed=$(grep -cE '^ *[0-9]+/[0-9]+ Test +#[0-9]+: .* Passed' "$log" || true)
failed=$(grep -cE '^ *[0-9]+/[0-9]+ Test +#[0-9]+: .*(\*\*\*|Failed|Not Run|Timeout)' "$log" || true)
echo "$passed passed, $failed failed"
exit "$status"
