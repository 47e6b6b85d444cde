#!/usr/bin/env bash
# clang-format over every tracked C++ file.
#   scripts/format.sh          rewrite files in place
#   scripts/format.sh --check  change nothing; list files that differ and fail if any do
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.hpp' '*.h' | grep -v '^tests/fuzz/corpus/')
if [ "${1:-}" = "--check" ]; then
  bad=0
  for f in "${files[@]}"; do
    if ! clang-format --dry-run -Werror "$f" >/dev/null 2>&1; then echo "needs clang-format: $f"; bad=1; fi
  done
  [ "$bad" -eq 0 ] && echo "format: ${#files[@]} files clean"
  exit "$bad"
fi
clang-format -i "${files[@]}"
