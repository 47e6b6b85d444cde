#!/usr/bin/env bash
# Idle RSS of the local service (issue 16 goal: <= 15 MB), for `coldcheck serve` and
# `coldcheck-serve`: right after start, after a person's idle (the page loaded through the
# login URL and the device list fetched) and with the page's device event stream open,
# each with the top mappings by resident size.
# Usage: bench/service/rss.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data

status_line() {  # VmRSS RssAnon RssFile of a pid, in kB
  awk '/^(VmRSS|RssAnon|RssFile):/ {printf "%s %s kB  ", $1, $2} END {print ""}' "/proc/$1/status"
}

top_mappings() {  # resident kB per mapped file (or [heap], [anon], ...), largest first
  awk '
    /^[0-9a-f]+-[0-9a-f]+ / { name = (NF >= 6) ? $6 : "[anon]"; next }
    /^Rss:/ { rss[name] += $2 }
    END { for (n in rss) if (rss[n] > 0) printf "%8d kB  %s\n", rss[n], n }' "/proc/$1/smaps" |
    sort -rn | head -n 15
}

measure() {  # label, program and its arguments
  local label=$1
  shift
  "$@" --listen 127.0.0.1:0 --no-socket >"$work/out" 2>&1 &
  pid=$!
  local url=
  for _ in $(seq 100); do
    url=$(sed -n 's/^listening on \(http:[^ ]*\).*$/\1/p' "$work/out" | head -n1)
    [ -n "$url" ] && break
    sleep 0.1
  done
  [ -n "$url" ] || { cat "$work/out" >&2; echo "rss.sh: $label did not start" >&2; exit 1; }
  sleep 1
  echo "== $label"
  echo "after start:          $(status_line "$pid")"
  local token
  token=$("$@" --print-token | head -c 64)
  local host=${url#http://}
  host=${host%%/*}
  local login
  login=$(curl -fsS -H "Authorization: Bearer $token" -H "Content-Type: application/json" -H "Host: $host" \
    -d '{}' "$url/api/v1/login-url" | sed -n 's/.*\(\/login?code=[^"]*\)".*/\1/p')
  local cookie
  cookie=$(curl -fsS -o /dev/null -D - "$url$login" | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -n1)
  curl -fsS -o /dev/null -H "Cookie: $cookie" "$url/"
  curl -fsS -o /dev/null -H "Cookie: $cookie" "$url/api/v1/devices"
  sleep 1
  echo "after page + devices: $(status_line "$pid")"
  # The page also keeps the device event stream open while the person reads it.
  curl -fsSN -H "Cookie: $cookie" "$url/api/v1/devices/events" >/dev/null 2>&1 &
  local stream=$!
  sleep 1
  echo "with the event stream: $(status_line "$pid")"
  kill "$stream" 2>/dev/null || true
  wait "$stream" 2>/dev/null || true
  echo "top mappings (Rss):"
  top_mappings "$pid"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=
}

measure "coldcheck serve" "$build/src/cli/coldcheck" serve
measure "coldcheck-serve" "$build/src/cli/coldcheck-serve"
