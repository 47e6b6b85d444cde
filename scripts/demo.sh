#!/usr/bin/env bash
# The main job on any machine: sets up, builds, and runs a diagnosis. With no wallet
# on USB it diagnoses the built-in simulator (a healthy Trezor Safe 3) instead.
# Reports (text, JSON, HTML, protobuf) go to ./reports/. Extra arguments go to diagnose.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
cc=./build/src/cli/coldcheck
mkdir -p reports
if [ "$($cc list --json | grep -c '"path"')" -gt 0 ]; then
  exec $cc diagnose --out-dir reports "$@"
fi
echo "no wallet on USB: diagnosing the built-in simulator instead"
exec $cc diagnose --demo --out-dir reports "$@"
