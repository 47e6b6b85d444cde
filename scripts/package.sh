#!/usr/bin/env bash
# The packager's path, as a packager would take it: a plain Release build with no
# developer flags (warnings stay warnings), then a .deb made by CPack.
#   scripts/package.sh            build build-release/ and the .deb in it
#   scripts/package.sh --install  also dpkg -i the .deb (root) and diagnose the simulator
#                                 with the installed program, then remove the package
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if command -v ccache >/dev/null; then export CMAKE_CXX_COMPILER_LAUNCHER=ccache; fi
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DCC_TESTS=OFF -DCC_BENCH=OFF >/dev/null
cmake --build build-release -j"$(nproc)"
(cd build-release && cpack -G DEB >/dev/null)
deb=$(ls build-release/coldcheck_*.deb | head -n1)
echo "package: $deb"
# The PostgreSQL backend is a module of its own (only it links libpq), in <libdir>/coldcheck.
# (Listed on stdout, never through /dev/stderr: reopening that truncates a log file the
# caller redirected it to.)
files=$(dpkg-deb --contents "$deb" | awk '{print $6}' \
  | grep -E 'bin/coldcheck$|rules.d/51-coldcheck.rules$|man1/coldcheck.1|coldcheck.mo$|/coldcheck/coldcheck-store-postgres.so$' \
  | sort)
echo "$files"
[ "$(printf '%s\n' "$files" | wc -l)" -eq 5 ] || { echo "package.sh: the .deb lacks a file" >&2; exit 1; }
if [ "${1:-}" = "--install" ]; then
  dpkg -i "$deb" >/dev/null
  trap 'dpkg -r coldcheck >/dev/null' EXIT
  out=$(mktemp -d)
  /usr/bin/coldcheck --version
  /usr/bin/coldcheck diagnose --demo --no-check-backup --out-dir "$out" >"$out/stdout.txt"
  grep -q "Verdict" "$out/stdout.txt" || { cat "$out/stdout.txt"; echo "package.sh: installed diagnose printed no verdict" >&2; exit 1; }
  zcat -f /usr/share/man/man1/coldcheck.1* | grep -q '^.SH COMMANDS' || { echo 'package.sh: no man page installed' >&2; exit 1; }
  echo "installed package: diagnose --demo ok"
  # The installed program finds its PostgreSQL module: a refused connection, not a missing module.
  pg=$(/usr/bin/coldcheck reports stats --store 'postgresql://nobody@127.0.0.1:1/none?connect_timeout=2' 2>&1 || true)
  grep -q 'cannot connect' <<<"$pg" || { echo "$pg"; echo "package.sh: the installed PostgreSQL module did not load" >&2; exit 1; }
  echo "installed package: PostgreSQL module loads"
  rm -rf "$out"
fi
