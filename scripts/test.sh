#!/usr/bin/env bash
# Sets up, builds and runs every test: unit, simulator over real sockets, trezorctl interop.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
# setup.sh installed Chromium and puppeteer-core: a browser test that cannot run fails.
export CC_REQUIRE_BROWSER=1
ctest --test-dir build --output-on-failure -j"$(nproc)" --timeout 300
