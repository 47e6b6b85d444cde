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
