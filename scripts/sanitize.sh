#!/usr/bin/env bash
# AddressSanitizer + UndefinedBehaviorSanitizer test run in build-asan.
#   scripts/sanitize.sh                      build everything, run every test
#   scripts/sanitize.sh -R REGEX [TARGET...] build only TARGETs, run tests matching REGEX
# CC_SANITIZE_SOURCE_DIR configures another source tree (e.g. a trimmed copy).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build-asan"
src="${CC_SANITIZE_SOURCE_DIR:-$root}"
regex=""
if [ "${1:-}" = "-R" ]; then
  regex="${2:?-R needs a regex}"
  shift 2
fi

cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCC_SANITIZE=ON \
  -DCC_TESTS=ON -DCC_BENCH=OFF -DCC_FUZZ=OFF -DCC_WERROR=ON
ninja -C "$build" "$@"

# halt_on_error: the first report fails the test; leaks count as errors.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
args=(--test-dir "$build" --output-on-failure -j "$(nproc)")
if [ -n "$regex" ]; then args+=(-R "$regex"); fi
ctest "${args[@]}"
