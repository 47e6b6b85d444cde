#!/usr/bin/env bash
# Makes the TEST attestation chains in firmware_fixtures/attestation/ with the openssl CLI:
# a test root key pair (a bare public key is the trust anchor, as on Trezor), a CA
# certificate signed by it, device ("leaf") certificates signed by the CA, and the broken
# variants the tests and simulator scenarios need. Also writes the fuzz seed proofs.
# Existing keys are reused, so re-running keeps data/trust/trezor.textproto valid;
# delete firmware_fixtures/attestation/*.key.pem to start over (then update the test
# root and test blacklist entries in data/trust/trezor.textproto from *.pub.hex).
# TEST KEYS ONLY: never trusted outside test/simulator mode.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/firmware_fixtures/attestation"
seeds="$root/tests/fuzz/corpus/fuzz_attestation_proof"
mkdir -p "$out" "$seeds"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

key() {  # key NAME: P-256 private key, reused when present
  [ -f "$out/$1.key.pem" ] || openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
    -pkeyopt ec_param_enc:named_curve -out "$out/$1.key.pem"
}
pubhex() {  # pubhex NAME: uncompressed SEC1 point, as the vendor data writes root keys
  openssl pkey -in "$out/$1.key.pem" -pubout -outform DER | tail -c 65 | od -An -v -tx1 | tr -d ' \n'
}

cat >ext.cnf <<'EOF'
[ca]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
[ca_unknown_critical]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
1.3.6.1.4.1.99999.1 = critical,ASN1:UTF8String:coldcheck test extension
[leaf]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
EOF

# `openssl ca` is the 3.0 CLI way to set explicit validity dates (2024..2124).
sign() {  # sign CSR_SUBJ SUBJECT_KEY ISSUER_CERT ISSUER_KEY EXT OUT.der
  local subj="$1" subject_key="$2" issuer_cert="$3" issuer_key="$4" ext="$5" der="$6"
  rm -rf db && mkdir db && : >db/index.txt && echo 1000 >db/serial
  cat >ca.cnf <<EOF
[ca]
default_ca = test
[test]
database = db/index.txt
serial = db/serial
new_certs_dir = db
default_md = sha256
policy = any
unique_subject = no
[any]
commonName = supplied
organizationName = optional
countryName = optional
EOF
  openssl req -new -key "$out/$subject_key.key.pem" -subj "$subj" -out req.csr
  openssl ca -batch -config ca.cnf -notext -preserveDN -startdate 20240101000000Z \
    -enddate 21240101000000Z -cert "$issuer_cert" -keyfile "$out/$issuer_key.key.pem" \
    -extfile ext.cnf -extensions "$ext" -in req.csr -out cert.pem 2>/dev/null
  openssl x509 -in cert.pem -outform DER -out "$out/$der"
}

anchor() {  # anchor KEY: a throw-away self-signed certificate, only so `openssl ca` can sign
  openssl req -new -x509 -key "$out/$1.key.pem" -subj "/CN=coldcheck TEST root $1" -days 36500 \
    -out "$1.anchor.pem"
}
ca_pem() { openssl x509 -inform DER -in "$out/$1" -out "$2"; }

for k in test_root unknown_root ca ca_blacklisted ca_critical_ext ca_unknown_root device; do key "$k"; done
anchor test_root
anchor unknown_root

leaf_o="/O=coldcheck TEST/C=CZ"
# The good chain: test root -> CA (cA, keyCertSign, pathLen 0) -> device certificates.
sign "/CN=coldcheck TEST CA$leaf_o" ca test_root.anchor.pem test_root ca ca.der
ca_pem ca.der ca.pem
sign "/CN=T2B1 coldcheck TEST device$leaf_o" device ca.pem ca leaf leaf_t2b1.der
sign "/CN=T3B1 coldcheck TEST device$leaf_o" device ca.pem ca leaf leaf_t3b1.der
sign "/CN=T3T1 coldcheck TEST device$leaf_o" device ca.pem ca leaf leaf_t3t1.der
# Wrong model: a Model T (T2T1) name, a model that has no secure element at all.
sign "/CN=T2T1 coldcheck TEST device$leaf_o" device ca.pem ca leaf leaf_wrong_model.der

# A CA whose public key is on the (test) blacklist.
sign "/CN=coldcheck TEST blacklisted CA$leaf_o" ca_blacklisted test_root.anchor.pem test_root ca ca_blacklisted.der
ca_pem ca_blacklisted.der ca_blacklisted.pem
sign "/CN=T2B1 coldcheck TEST device$leaf_o" device ca_blacklisted.pem ca_blacklisted leaf leaf_via_blacklisted_ca.der

# A CA with an unknown critical extension.
sign "/CN=coldcheck TEST CA with unknown critical extension$leaf_o" ca_critical_ext test_root.anchor.pem \
  test_root ca_unknown_critical ca_critical_ext.der
ca_pem ca_critical_ext.der ca_critical_ext.pem
sign "/CN=T2B1 coldcheck TEST device$leaf_o" device ca_critical_ext.pem ca_critical_ext leaf leaf_via_critical_ext_ca.der

# A chain that ends at a root nobody trusts.
sign "/CN=coldcheck TEST CA under unknown root$leaf_o" ca_unknown_root unknown_root.anchor.pem unknown_root ca \
  ca_unknown_root.der
ca_pem ca_unknown_root.der ca_unknown_root.pem
sign "/CN=T2B1 coldcheck TEST device$leaf_o" device ca_unknown_root.pem ca_unknown_root leaf leaf_via_unknown_root.der

for k in test_root unknown_root ca_blacklisted; do pubhex "$k" >"$out/$k.pub.hex"; echo >>"$out/$k.pub.hex"; done

# Fuzz seeds: serialized AuthenticityProof {1: certificates..., 2: signature} over the
# fuzz target's fixed challenge (bytes 00..1f), built by hand (no protoc needed).
python3 - "$out" "$seeds" <<'EOF'
import hashlib, subprocess, sys, pathlib
out, seeds = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
challenge = bytes(range(32))
def cs(n): return bytes([n]) if n < 253 else b"\xfd" + n.to_bytes(2, "little")
header = b"AuthenticateDevice:"
message = cs(len(header)) + header + cs(len(challenge)) + challenge
sig = subprocess.run(["openssl", "dgst", "-sha256", "-sign", str(out / "device.key.pem")],
                     input=message, capture_output=True, check=True).stdout
def varint(n):
    b = b""
    while True:
        if n < 0x80: return b + bytes([n])
        b += bytes([(n & 0x7F) | 0x80]); n >>= 7
def field(num, data): return varint(num << 3 | 2) + varint(len(data)) + data
chains = {
    "genuine_t2b1": ["leaf_t2b1.der", "ca.der"],
    "wrong_model": ["leaf_wrong_model.der", "ca.der"],
    "blacklisted_ca": ["leaf_via_blacklisted_ca.der", "ca_blacklisted.der"],
    "critical_ext": ["leaf_via_critical_ext_ca.der", "ca_critical_ext.der"],
    "unknown_root": ["leaf_via_unknown_root.der", "ca_unknown_root.der"],
}
for name, files in chains.items():
    body = b"".join(field(1, (out / f).read_bytes()) for f in files) + field(2, sig)
    (seeds / f"{name}.bin").write_bytes(body)
(seeds / "empty.bin").write_bytes(b"")
(seeds / "signature_only.bin").write_bytes(field(2, sig))
EOF
echo "wrote $out and $seeds"
echo "test root public key: $(cat "$out/test_root.pub.hex")"
echo "blacklisted test CA public key: $(cat "$out/ca_blacklisted.pub.hex")"
