#!/usr/bin/env bash
# Replay time per transcript: runs the coldcheck binary against each real-firmware
# fixture (tests/regress/fixtures) RUNS times (default 20) with the command that
# recorded it and prints the median and worst wall time. Process start, catalog load
# and report writing are included: this is what a support agent waits for.
# check-backup captures replay with `info` (the guided flow needs a person); trezorctl
# and apdu.py captures are not coldcheck's traffic and are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${COLDCHECK:-build/src/cli/coldcheck}"
runs="${RUNS:-20}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
printf '%-36s %-8s %8s %8s %s\n' transcript command median_ms max_ms exit
for jsonl in tests/regress/fixtures/*.jsonl; do
  name="$(basename "$jsonl" .jsonl)"
  first="$(head -n1 "tests/regress/fixtures/$name.txt")"
  case "$first" in
    '$ coldcheck info'*) cmd=(info) ;;
    '$ coldcheck verify'*) cmd=(verify) ;;
    '$ coldcheck diagnose'*) cmd=(diagnose --no-check-backup -q --out "$scratch/r.json" --key "$scratch/key") ;;
    '$ coldcheck check-backup'*) cmd=(info) ;;
    *) continue ;;
  esac
  times=()
  rc=0
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$bin" "${cmd[@]}" --device "replay:$jsonl" >/dev/null 2>&1 || rc=$?
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  median=${sorted[$(( ${#sorted[@]} / 2 ))]}
  max=${sorted[$(( ${#sorted[@]} - 1 ))]}
  awk -v n="$name" -v c="${cmd[0]}" -v med="$median" -v mx="$max" -v rc="$rc" \
    'BEGIN { printf "%-36s %-8s %8.1f %8.1f %s\n", n, c, med / 1000, mx / 1000, rc }'
done
