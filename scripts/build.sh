#!/usr/bin/env bash
# Configures and builds accel-mlir into ${ACCEL_BUILD_DIR:-build}.
# ACCEL_CMAKE_ARGS adds configure options (e.g. -DACCEL_SANITIZE=address,undefined).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ACCEL_BUILD_DIR:-$root/build}
if [ ! -f "$build/build.ninja" ]; then
  # shellcheck disable=SC2086
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release ${ACCEL_CMAKE_ARGS:-}
fi
cmake --build "$build"
