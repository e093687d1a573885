#!/usr/bin/env bash
# Regenerates docs/generated/ from the ODS definitions (add_mlir_doc).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ACCEL_BUILD_DIR:-$root/build}
cmake --build "$build" --target mlir-doc
mkdir -p "$root/docs/generated"
cp "$build"/docs/Dialects/AccelDialect.md "$build"/docs/AccelPasses.md \
   "$build"/docs/AccelConversionPasses.md \
   "$build"/docs/Targets/MaeriAttributes.md \
   "$build"/docs/Targets/MaeriPasses.md "$root/docs/generated/"
