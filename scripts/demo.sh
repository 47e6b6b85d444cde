#!/usr/bin/env bash
# The main job on any machine: sets up, builds, and identifies a device. With no wallet
# on USB it starts the built-in simulator (a healthy Trezor Safe 3) and reads that.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
cc=./build/src/cli/coldcheck
if [ "$($cc list --json | grep -c '"path"')" -gt 0 ]; then
  exec $cc info "$@"
fi
dir=$(mktemp -d)
$cc simulate --scenario "${SCENARIO:-healthy-safe3}" --listen udp:127.0.0.1:0 --port-file "$dir/port" &
sim=$!
trap 'kill $sim 2>/dev/null; wait $sim 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 100); do [ -s "$dir/port" ] && break; sleep 0.05; done
echo "no wallet on USB: reading the built-in simulator instead"
$cc info --device "udp:127.0.0.1:$(cat "$dir/port")" "$@"
