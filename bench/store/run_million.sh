#!/usr/bin/env bash
# `reports stats` over a million stored reports (goal <= 1 s on SQLite), and the store's
# size per report. Usage: bench/store/run_million.sh [BUILD_DIR] [COUNT]
# Needs a build configured with -DCC_BENCH=ON (target generate_reports) and coldcheck.
set -euo pipefail
build=${1:-build}
count=${2:-1000000}
dir=$(mktemp -d /tmp/cc-million-XXXXXX)
trap 'rm -rf "$dir"' EXIT
db="$dir/reports.db"
"$build/bench/store/generate_reports" "$db" "$count"
sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null 2>&1 || true
bytes=$(stat -c %s "$db")
echo "store size: $bytes bytes, $((bytes / count)) bytes per report"
for run in 1 2 3; do
  start=$(date +%s.%N)
  "$build/src/cli/coldcheck" reports stats --store "$db" --lang en >"$dir/stats.txt"
  end=$(date +%s.%N)
  echo "reports stats run $run: $(echo "$end - $start" | bc) s"
done
head -8 "$dir/stats.txt"
