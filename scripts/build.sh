#!/usr/bin/env bash
# Configures and builds coldcheck into ./build (after installing dependencies).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCC_BENCH=OFF >/dev/null
cmake --build build -j"$(nproc)"
