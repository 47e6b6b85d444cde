#!/usr/bin/python3
"""Writes the small seed corpora under corpus/<target>/. Deterministic; run again after
changing an input format. Payloads are hand-encoded protobuf (no trezorlib needed)."""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def field(num, value):
    if isinstance(value, bool):
        return varint(num << 3) + varint(int(value))
    if isinstance(value, int):
        return varint(num << 3) + varint(value)
    if isinstance(value, str):
        value = value.encode()
    return varint(num << 3 | 2) + varint(len(value)) + value


def frame(msg_type, payload):
    """Trezor v1 framing, written independently of the C++ encoder."""
    buf = b"##" + struct.pack(">HI", msg_type, len(payload)) + payload
    chunks = []
    while buf:
        chunks.append((b"?" + buf[:63]).ljust(64, b"\0"))
        buf = buf[63:]
    return b"".join(chunks)


FEATURES = b"".join([
    field(1, "trezor.io"), field(2, 2), field(3, 8), field(4, 1), field(6, "3A1F0C5E2B7D9E4F"),
    field(7, True), field(9, "en-US"), field(10, "My Trezor"), field(12, True), field(13, bytes(range(20))),
    field(21, "Safe 3"), field(30, 1), field(30, 7), field(30, 15), field(31, 1), field(44, "T2B1"),
    field(49, True),
])
KEEPKEY_FEATURES = b"".join([
    field(1, "keepkey.com"), field(2, 7), field(3, 7), field(4, 0), field(22, "KeepKey"),
    field(23, b"\x11" * 32), field(24, False), field(25, True),
])
MESSAGES = {
    "features": (17, FEATURES),
    "keepkey_features": (17, KEEPKEY_FEATURES),
    "ping": (1, field(1, "hello") + field(2, True)),
    "ping_long": (1, field(1, "x" * 200)),
    "failure": (3, field(1, 7) + field(2, "PIN invalid")),
    "button_request": (26, field(1, 8) + field(2, 1) + field(4, "recovery")),
    "firmware_hash": (89, field(1, bytes(32))),
    "authenticity_proof": (98, field(1, bytes(100)) + field(1, bytes(90)) + field(2, bytes(71))),
    "get_features": (55, b""),
    "lock_device": (24, b""),
}


def write(target, name, data):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def main():
    for name, (t, payload) in MESSAGES.items():
        # decoder input: selector (fixed 64-byte packets, cap 4096), then the packets
        write("fuzz_trezor_decoder", name, b"\x10\x00" + frame(t, payload))
        write("fuzz_trezor_roundtrip", name, struct.pack(">H", t) + payload)
    # garbage before a header, a short read, and a message over a tiny cap
    write("fuzz_trezor_decoder", "garbage_then_ping",
          b"\x10\x00" + bytes(64) + b"?" + bytes(63) + frame(1, field(1, "hi")))
    write("fuzz_trezor_decoder", "variable_reads",
          b"\x80\x80" + b"\x0c" + frame(1, field(1, "abc"))[:12] + b"\x05?abcd")
    write("fuzz_trezor_decoder", "default_cap_features", b"\x7f\xff" + frame(17, FEATURES))
    write("fuzz_trezor_decoder", "over_cap", b"\x00\x10" + frame(1, field(1, "y" * 40)))
    write("fuzz_trezor_decoder", "all_ones_length", b"\x7f\xff?##\x00\x11\xff\xff\xff\xff" + bytes(55))
    write("fuzz_trezor_roundtrip", "empty_type_ffff", b"\xff\xff")


if __name__ == "__main__":
    main()
