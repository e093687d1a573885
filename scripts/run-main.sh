#!/usr/bin/env bash
# The main job: set up, build, and run the VGG16 CONV11 NLR-vs-NVDLA case
# study (import -> cost model), printing the comparison table and writing the
# study's three charts as SVG into build/case-study/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ACCEL_BUILD_DIR:-$root/build}
shared=${ACCEL_SHARED_DIR:-$root/../shared}
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
python3 "$root/scripts/case_study.py" "$build" "$shared" "$build/case-study"
