#!/usr/bin/env bash
# Makes a signed catalog bundle for `coldcheck catalog update` (docs/catalog-bundles.md).
#
# usage: scripts/make_catalog_bundle.sh [--unsigned] [--key KEY.pem] [DEVICES_DIR] OUT.bundle
#   DEVICES_DIR  the catalog files (default: devices/); catalog.textproto must be among them
#   --key        Ed25519 private key in PEM (default: $COLDCHECK_CATALOG_KEY)
#   --unsigned   write a bundle without a signature (to test that it is refused)
# Needs python3 (standard library) and openssl 3 (pkeyutl -rawin for Ed25519).
set -euo pipefail
cd "$(dirname "$0")/.."

key="${COLDCHECK_CATALOG_KEY:-}"
unsigned=0
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --key) key="$2"; shift 2 ;;
    --unsigned) unsigned=1; shift ;;
    -h|--help) sed -n 2,9p "$0"; exit 0 ;;
    *) args+=("$1"); shift ;;
  esac
done
case ${#args[@]} in
  1) dir=devices; out="${args[0]}" ;;
  2) dir="${args[0]}"; out="${args[1]}" ;;
  *) sed -n 2,9p "$0" >&2; exit 2 ;;
esac
[ -f "$dir/catalog.textproto" ] || { echo "$dir/catalog.textproto missing (version, date, schema)" >&2; exit 1; }
if [ "$unsigned" = 0 ] && [ ! -f "$key" ]; then
  echo "no signing key: give --key KEY.pem or set COLDCHECK_CATALOG_KEY" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# BundleBody (proto/coldcheck/catalog.proto): format = 1, files = 2 (name = 1, text = 2).
/usr/bin/python3 - "$dir" "$work/body" <<'PY'
import sys
from pathlib import Path

def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)

def field(number, payload):
    return varint(number << 3 | 2) + varint(len(payload)) + payload

body = field(1, b"coldcheck-catalog-bundle/1")
for path in sorted(Path(sys.argv[1]).glob("*.textproto")):
    body += field(2, field(1, path.name.encode()) + field(2, path.read_bytes()))
Path(sys.argv[2]).write_bytes(body)
PY

sig="$work/sig"
: > "$sig"
if [ "$unsigned" = 0 ]; then
  printf 'coldcheck catalog bundle v1\n' > "$work/message"
  cat "$work/body" >> "$work/message"
  openssl pkeyutl -sign -rawin -inkey "$key" -in "$work/message" -out "$sig"
  # key_id: first 8 bytes of SHA-256 over the raw 32-byte public key.
  key_id=$(openssl pkey -in "$key" -pubout -outform DER | tail -c 32 | openssl dgst -sha256 -r | cut -c1-16)
else
  key_id=""
fi

# Bundle: body = 1, signature = 2, key_id = 3.
/usr/bin/python3 - "$work/body" "$sig" "$key_id" "$out" <<'PY'
import sys
from pathlib import Path

def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)

def field(number, payload):
    return varint(number << 3 | 2) + varint(len(payload)) + payload

body = Path(sys.argv[1]).read_bytes()
sig = Path(sys.argv[2]).read_bytes()
bundle = field(1, body)
if sig:
    bundle += field(2, sig)
if sys.argv[3]:
    bundle += field(3, sys.argv[3].encode())
Path(sys.argv[4]).write_bytes(bundle)
PY
echo "wrote $out ($(wc -c < "$out") bytes, $(ls "$dir"/*.textproto | wc -l) files$( [ "$unsigned" = 1 ] && echo ', UNSIGNED'))"
