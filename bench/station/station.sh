#!/usr/bin/env bash
# The bench station: 1, 8 and 32 devices diagnosed at once by `coldcheck bench --once`
# on two cores (everything, simulators included, pinned to CPUs 0-1). Each device is a
# `coldcheck simulate` endpoint; DELAY_MS (default 20) delays every reply the way a real
# device's USB round trip and secure element do, so the devices, not the host, set the
# pace, as at a real bench. DELAY_MS=0 measures the host alone.
# Prints the median wall time of RUNS runs (default 3), its ratio to one device, host
# CPU (user+sys of coldcheck) per diagnosis, and peak RSS with the growth per extra
# active session. Reported, never asserted.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="$(realpath "${COLDCHECK:-build/src/cli/coldcheck}")"
runs="${RUNS:-3}"
delay="${DELAY_MS:-20}"
cpus="${CPUS:-0,1}"
scratch="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT
export XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config"

scenario="$scratch/station.textproto"
cp firmware_fixtures/scenarios/healthy-safe3.textproto "$scenario"
if [ "$delay" -gt 0 ]; then printf '\nfault { kind: KIND_SLOW delay_ms: %s }\n' "$delay" >>"$scenario"; fi

endpoints=()
start_sims() {  # $1: how many in total
  while [ "$((${#endpoints[@]} / 2))" -lt "$1" ]; do
    local file="$scratch/port-${#endpoints[@]}"
    taskset -c "$cpus" "$bin" simulate --scenario "$scenario" --listen udp:127.0.0.1:0 --port-file "$file" 2>/dev/null &
    pids+=("$!")
    for _ in $(seq 200); do [ -s "$file" ] && break; sleep 0.01; done
    endpoints+=("--emulator" "udp:127.0.0.1:$(cat "$file")")
  done
}

printf '%-8s %10s %8s %14s %12s %16s\n' devices median_s ratio cpu_ms_per_dev peak_rss_mb rss_kb_per_extra
base_wall="" base_rss=""
for n in 1 8 32; do
  start_sims "$n"
  walls=() cpu_total=0 rss=0
  for run in $(seq "$runs"); do
    out="$scratch/out-$n-$run"
    args=(bench --once --no-usb --out-dir "$out" --key "$scratch/key" --lang en "${endpoints[@]:0:$((2 * n))}")
    /usr/bin/time -f '%e %U %S %M' -o "$scratch/time" taskset -c "$cpus" "$bin" "${args[@]}" >"$scratch/events" 2>/dev/null
    read -r wall user sys maxrss <"$scratch/time"
    got="$(ls "$out"/*.json | wc -l)"
    [ "$got" -eq "$n" ] || { echo "expected $n reports, got $got" >&2; grep -v "\"step\"" "$scratch/events" | tail -5 >&2; exit 1; }
    walls+=("$wall")
    cpu_total=$(echo "$cpu_total + $user + $sys" | bc -l)
    [ "$maxrss" -gt "$rss" ] && rss="$maxrss"
  done
  median="$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")"
  [ -z "$base_wall" ] && base_wall="$median" && base_rss="$rss"
  ratio="$(echo "$median / $base_wall" | bc -l)"
  cpu_ms="$(echo "1000 * $cpu_total / ($runs * $n)" | bc -l)"
  per_extra="-"
  [ "$n" -gt 1 ] && per_extra="$(echo "($rss - $base_rss) / ($n - 1)" | bc -l | xargs printf '%.0f')"
  printf '%-8s %10.3f %8.2f %14.1f %12.1f %16s\n' "$n" "$median" "$ratio" "$cpu_ms" "$(echo "$rss / 1024" | bc -l)" "$per_extra"
done
