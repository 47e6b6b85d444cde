#!/usr/bin/env bash
# Sets up, builds and runs every test: unit, simulator over real sockets, trezorctl interop.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)" --timeout 300
