#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, -DCC_FUZZ=ON) in build-fuzz and runs each one
# for SECONDS (default 60). New inputs go to build-fuzz/corpus/<target>; the committed
# seeds in tests/fuzz/corpus/<target> are only read. Crash inputs land in
# build-fuzz/artifacts/<target>/. Exits non-zero if any target crashes, leaks or times out.
# CC_FUZZ_SOURCE_DIR configures another source tree (e.g. a trimmed copy) into build-fuzz.
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build-fuzz"
src="${CC_FUZZ_SOURCE_DIR:-$root}"
cd "$root"

mapfile -t targets < <(find tests/fuzz -maxdepth 1 -name 'fuzz_*.cpp' -printf '%f\n' | sed 's/\.cpp$//' | sort)
if [ ${#targets[@]} -eq 0 ]; then
  echo "fuzz.sh: no fuzz targets in tests/fuzz" >&2
  exit 1
fi

# tests/fuzz is reached through tests/ unless the top level adds it for CC_FUZZ builds.
tests=OFF
if ! grep -q 'tests/fuzz' "$src/CMakeLists.txt"; then tests=ON; fi
CC=clang CXX=clang++ cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCC_FUZZ=ON -DCC_TESTS="$tests" -DCC_BENCH=OFF -DCC_WERROR=OFF >"$build.configure.log" 2>&1 \
  || { cat "$build.configure.log" >&2; exit 1; }
# The coldcheck binary too (when the tree has it): the targets already build every
# library it links with this clang, so this adds only src/cli and src/demo, and keeps
# "the program builds with clang" checked in CI (clang is a packager's other compiler).
binary=()
if ninja -C "$build" -t targets all | grep -q '^coldcheck:'; then binary=(coldcheck); fi
ninja -C "$build" "${targets[@]}" "${binary[@]}"

jobs_failed=0
summary=()
for t in "${targets[@]}"; do
  bin="$(find "$build" -type f -name "$t" -perm -u+x | head -n1)"
  work="$build/corpus/$t"
  art="$build/artifacts/$t"
  seeds="tests/fuzz/corpus/$t"
  log="$build/$t.log"
  mkdir -p "$work" "$art"
  [ -d "$seeds" ] || seeds=""
  echo "== $t: ${seconds}s"
  rc=0
  "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$art/" "$work" $seeds >"$log" 2>&1 || rc=$?
  runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)"
  speed="$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)"
  last="$(grep -E '^#[0-9]+' "$log" | tail -n1 || true)"
  cov="$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")"
  ft="$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")"
  corp="$(sed -n 's/.* corp: \([0-9]*\/[0-9]*[a-zA-Z]*\).*/\1/p' <<<"$last")"
  if [ "$rc" -eq 0 ]; then status=ok; else status="FAILED(rc=$rc)"; jobs_failed=1; fi
  line="$t: $status runs=${runs:-?} execs/s=${speed:-?} cov=${cov:-?} ft=${ft:-?} corpus=${corp:-?}"
  summary+=("$line")
  if [ "$rc" -ne 0 ]; then
    grep -E 'ERROR|SUMMARY|Test unit written' "$log" >&2 || tail -n 30 "$log" >&2
  fi
done
echo
printf '%s\n' "${summary[@]}"
exit "$jobs_failed"
