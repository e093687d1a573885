#!/usr/bin/env bash
# Installs what accel-mlir needs to build and test on Debian 12 (bookworm).
# Idempotent: when every package is present it does nothing and needs no root.
set -euo pipefail

packages=(
  libmlir-22-dev mlir-22-tools llvm-22-dev llvm-22-tools
  cmake ninja-build g++ python3
  libgtest-dev libgmock-dev libbenchmark-dev
  zlib1g-dev libzstd-dev libedit-dev libxml2-dev libcurl4-openssl-dev
  # accel-dse's MPI sharding (docs/DSE.md).
  libopenmpi-dev openmpi-bin
  # The fuzz targets (scripts/fuzz.sh): clang with libFuzzer.
  clang-22 libclang-rt-22-dev
  # The case study's charts; the HTML report's test (headless).
  python3-matplotlib chromium
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
