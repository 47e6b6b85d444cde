#!/usr/bin/env bash
# Installs every Debian package coldcheck needs to build, test, fuzz and benchmark.
# Safe to run again; does nothing but apt-get.
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
pkgs=(
  build-essential cmake ninja-build pkg-config
  libhidapi-dev libusb-1.0-0-dev
  libprotobuf-dev protobuf-compiler
  libboost-program-options-dev libboost-dev
  libssl-dev libsqlite3-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  gettext
  clang libclang-rt-14-dev clang-format
  trezor python3-trezor
  chromium
  # A CJK font for the browser tier's zh-CN screenshots (1.6 MB download, 5 MB installed;
  # without it Chromium draws boxes). fonts-noto-cjk would be 57 MB / 91 MB.
  fonts-wqy-microhei
  ccache
  libicu-dev
  umockdev libumockdev-dev
  libudev-dev libsystemd-dev
  postgresql libpq-dev libpqxx-dev
  wrk
)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# puppeteer-core for the service's browser tests, pinned by tests/browser/package-lock.json;
# it drives Debian's /usr/bin/chromium and never downloads a browser. A machine without
# Node.js gets Debian's (a machine's own Node.js and npm are used as they are).
if ! command -v npm >/dev/null; then
  $SUDO apt-get install -y -qq --no-install-recommends nodejs npm
fi
if [ ! -d "$(dirname "$0")/../tests/browser/node_modules/puppeteer-core" ]; then
  (cd "$(dirname "$0")/../tests/browser" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --silent)
fi
