#!/usr/bin/env bash
# Regenerates the test bundles here with the TEST key (never the production key).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
key="$here/test-signing-key.pem"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

catalog() {  # catalog DIR VERSION DATE SCHEMA
  mkdir -p "$1"
  cp "$root/devices/trezor-one.textproto" "$1/"
  printf 'version: "%s"\ndate: "%s"\nschema: %s\nsource: "coldcheck test fixture"\n' "$2" "$3" "$4" > "$1/catalog.textproto"
}
catalog "$work/newer" 9999.1.1 2099-01-01 1
catalog "$work/older" 2000.1.1 2000-01-01 1
catalog "$work/schema2" 9999.1.2 2099-01-02 2
"$root/scripts/make_catalog_bundle.sh" --key "$key" "$work/newer" "$here/newer.bundle"
"$root/scripts/make_catalog_bundle.sh" --key "$key" "$work/older" "$here/older.bundle"
"$root/scripts/make_catalog_bundle.sh" --key "$key" "$work/schema2" "$here/other-schema.bundle"
"$root/scripts/make_catalog_bundle.sh" --unsigned "$work/newer" "$here/unsigned.bundle"
# Tampered: one byte of the signed body changed after signing (inside the catalog text).
/usr/bin/python3 - "$here/newer.bundle" "$here/tampered.bundle" <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
at = data.find(b"1.14.1")
data[at + 5] = ord("2")  # 1.14.1 -> 1.14.2
open(sys.argv[2], "wb").write(bytes(data))
PY
