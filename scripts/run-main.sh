#!/usr/bin/env bash
# The main job: set up, build, and run the showcase example.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ACCEL_BUILD_DIR:-$root/build}
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
echo "== accel-opt examples/vgg16_conv11_nvdla.mlir (parse, verify, print)"
"$build/bin/accel-opt" "$root/examples/vgg16_conv11_nvdla.mlir"
