#!/usr/bin/env bash
# The local service's numbers: wrk with 64 connections on a non-device route, idle RSS,
# and SSE fan-out to 100 clients. Usage: bench/service/run.sh [BUILD_DIR]
# Run it on a quiet machine: the client shares the cores with the server.
# Goals (issue 16): >= 20000 requests/s and p99 <= 1 ms on 2 cores; idle RSS <= 15 MB.
set -euo pipefail
build=${1:-build}
bin=$build/src/cli/coldcheck
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
"$bin" serve --listen 127.0.0.1:0 --no-socket >"$work/out" 2>&1 &
pid=$!
for _ in $(seq 50); do grep -q '^listening on' "$work/out" && break; sleep 0.1; done
url=$(sed -n 's/^listening on \(http:.*\)$/\1/p' "$work/out" | head -1)
token=$("$bin" serve --print-token)
sleep 1
echo "idle RSS: $(awk '/VmRSS/ {print $2, $3}' /proc/$pid/status)"
# The server's own CPU time (user + system, from /proc) over the run, per request served.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
# One run of wrk with 64 connections on THREADS client threads: its numbers, then the
# server's and wrk's CPU time per request (on 2 cores both bound the rate).
load() {
  local threads=$1 before after requests
  echo "== wrk: 64 connections, $threads client thread(s), 10 s, GET /api/v1/health"
  before=$(cpu_ticks)
  TIMEFORMAT='%U %S'
  { time wrk -t"$threads" -c64 -d10s --latency -H "Authorization: Bearer $token" "$url/api/v1/health" >"$work/wrk"; } \
    2>"$work/wrk-time"
  after=$(cpu_ticks)
  sed -n '1,20p' "$work/wrk"
  requests=$(awk '/requests in/ {print $1}' "$work/wrk")
  awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN { if (n > 0) printf "server CPU: %.2f s, %.2f us per request\n", t / hz, t / hz / n * 1e6 }'
  awk -v n="$requests" '{ if (n > 0) printf "wrk CPU: %.2f s, %.2f us per request\n", $1 + $2, ($1 + $2) / n * 1e6 }' \
    "$work/wrk-time"
}
# The goal's measure: the server's network thread on one core, the load on the other.
load 1
# Two client threads on the same two cores: the client then competes with the server for
# them, and the tail shows the scheduler more than the server.
load 2
echo "RSS after load: $(awk '/VmRSS/ {print $2, $3}' /proc/$pid/status)"
echo "== SSE fan-out: 100 clients on /api/v1/devices/events"
python3 "$(dirname "$0")/sse_fanout.py" "$url" "$token" 100
echo "RSS with 100 streams: $(awk '/VmRSS/ {print $2, $3}' /proc/$pid/status)"
