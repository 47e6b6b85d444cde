#!/usr/bin/env bash
# Benchmarks, reported as numbers (never asserted in tests):
#  - codec throughput (Google Benchmark, bench/codec)
#  - `coldcheck list` and `coldcheck info` against trezorctl on the same machine, side
#    by side in one run (ratios, since absolute times drift on shared machines)
#  - peak memory of each
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
command -v hyperfine >/dev/null && [ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq hyperfine time; }
# -Werror is for developer builds: GCC 12 at -O3 raises false positives in libstdc++.
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCC_TESTS=OFF -DCC_WERROR=OFF >/dev/null
cmake --build build-bench -j"$(nproc)"
cc=./build-bench/src/cli/coldcheck

for b in build-bench/bench/*/bench_*; do
  echo "== $(basename "$b")"
  "$b" --benchmark_min_time=0.2 "$@"
done

dir=$(mktemp -d)
$cc simulate --scenario healthy-model-t --listen udp:127.0.0.1:0 --port-file "$dir/port" &
sim=$!
trap 'kill $sim 2>/dev/null; wait $sim 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 100); do [ -s "$dir/port" ] && break; sleep 0.05; done
port=$(cat "$dir/port")

echo "== cold start: list (no device) and info against the simulator (Model T)"
hyperfine -N --warmup 3 --runs 30 --export-markdown "$dir/cli.md" \
  "$cc list" "/usr/bin/trezorctl list" \
  "$cc info --device udp:127.0.0.1:$port" "/usr/bin/trezorctl -p udp:127.0.0.1:$port get-features"
cat "$dir/cli.md"

echo "== a whole diagnosis: --demo runs the simulator in-process, so this is all host CPU"
hyperfine -N --warmup 3 --runs 30 "$cc diagnose --demo -q --key $dir/key --out $dir/r.json"

echo "== Ledger: info over Speculos TCP and over HID framing on UDP (simulated Nano S dashboard)"
$cc simulate --scenario ledger-dashboard --listen udp:127.0.0.1:0 --port-file "$dir/lport" &
ledger_sim=$!
trap 'kill $sim $ledger_sim 2>/dev/null; wait $sim $ledger_sim 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 100); do [ -s "$dir/lport" ] && break; sleep 0.05; done
lport=$(cat "$dir/lport")
hyperfine -N --warmup 3 --runs 30 "$cc info --device tcp:127.0.0.1:$lport" "$cc info --device udp:127.0.0.1:$lport"

echo "== peak memory (max RSS, KiB)"
for cmd in "$cc list" "/usr/bin/trezorctl list" "$cc info --device udp:127.0.0.1:$port" \
           "$cc diagnose --demo -q --key $dir/key --out $dir/r.json" \
           "/usr/bin/trezorctl -p udp:127.0.0.1:$port get-features"; do
  rss=$( (/usr/bin/time -f '%M' $cmd >/dev/null) 2>&1 | tail -1)
  printf '%8s  %s\n' "$rss" "$cmd"
done
