#!/usr/bin/python3
"""Writes the SYNTHETIC firmware images in firmware_fixtures/images/.

They have the real header layouts (trezorlib firmware/{legacy,core,vendor}.py) so that
parsers and the firmware-hash prediction can be tested, but their code is
deterministic pseudo-random filler and they carry no signatures: no device would
run them. Never replace them with real vendor firmware.

Also writes the images the simulator uses as a simulated device's flash
(simulator_images(): a T2B1 2.12.5 release image, and a tampered copy with one code
byte changed in firmware_fixtures/images-tampered/, outside the release directory).

Also writes expected_hashes.txt: the firmware hash a device with that image would
answer for a few challenges, computed here with hashlib.blake2s (independently of
the C++ code) as: drop a TRZR header when bytes 256..260 read TRZF, pad with 0xFF to
the model's area size, BLAKE2s-256 keyed with the challenge.

usage: make_test_firmware.py [--check] [OUTDIR]
       make_test_firmware.py --fuzz-seeds DIR
  --check       regenerate in memory and fail if the files on disk differ.
  --fuzz-seeds  write seed inputs for tests/fuzz/fuzz_firmware_header into DIR.
Standard library only.
"""
import hashlib
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "firmware_fixtures" / "images"

AREA_SIZE = {  # bytes; see src/firmware/models.hpp for the sources
    "T1B1": (7 * 128 + 64) * 1024,
    "T2T1": 13 * 128 * 1024,
    "T2B1": 13 * 128 * 1024,
    "T3B1": 208 * 8 * 1024,
    "T3T1": 208 * 8 * 1024,
    "T3W1": 417 * 8 * 1024,
}

CHALLENGES = [
    bytes([0x01]),
    bytes(range(16)),
    bytes(range(0xA0, 0xC0)),  # 32 bytes
]


def filler(label: str, size: int) -> bytes:
    """Deterministic pseudo-random bytes (SHA-256 in counter mode)."""
    out = bytearray()
    counter = 0
    while len(out) < size:
        out += hashlib.sha256(f"{label}:{counter}".encode()).digest()
        counter += 1
    return bytes(out[:size])


def chunk_hashes(code: bytes, code_offset: int, chunk_size: int, hash_fn, pad: bool) -> bytes:
    """The 16 chunk hashes of a TRZF header (trezorlib FirmwareImage.code_hashes)."""
    hashes = b""
    start = 0
    for i in range(16):
        end = (i + 1) * chunk_size - code_offset
        chunk = code[start:end]
        if pad and start < len(code) < end:
            chunk += b"\xff" * (end - start - len(chunk))
        hashes += hash_fn(chunk).digest() if chunk else b"\0" * 32
        start = end
    return hashes


def firmware_header(code: bytes, version, fix_version, hw_model: bytes, hashes: bytes,
                    word_after_magic: int = 1024, v1_signed: bool = False, sigmask: int = 0) -> bytes:
    """1024-byte TRZF header.

    word_after_magic: header_len on core images (1024). A Trezor One image carries the
    address of its reset handler there instead (legacy/firmware/header.S), which old
    bootloaders jump to; the newer bootloader ignores the field.
    v1_signed: fill the three Trezor One signature slots (indexes 1, 2, 3) with made-up
    bytes, so that the layout of a signed release is covered (the bytes verify nothing).
    sigmask: core CoSi sigmask; a non-zero mask gets made-up signature bytes.
    """
    h = b"TRZF"
    h += struct.pack("<III", word_after_magic, 0, len(code))  # header_len/reset, expiry, code_length
    h += bytes(version) + bytes(fix_version)
    h += hw_model + bytes([0, 0]) + b"\0\0"  # hw_model, hw_revision, monotonic, reserved
    h += hashes
    if v1_signed:
        h += filler("coldcheck made-up v1 signatures", 64 * 3)
        h += bytes([1, 2, 3])
    else:
        h += b"\0" * (64 * 3)  # v1 signatures
        h += b"\0" * 3  # v1 key indexes
    h += b"\0" * 220
    h += bytes([sigmask]) + (filler("coldcheck made-up cosi signature", 64) if sigmask else b"\0" * 64)
    assert len(h) == 1024
    return h


# Trezor One flash map (legacy/memory.h): the TRZF header sits at the start of the code
# sectors, 0x08010000; the code, which starts with the vector table, follows at +0x400.
T1_FLASH_FWHEADER_START = 0x08010000
T1_INITIAL_SP = 0x20020000  # top of the 128 KiB SRAM
T1_MIN_CODE_LENGTH = 4096  # the bootloader treats shorter code as "no firmware"


def t1_code(label: str, size: int, reset_offset: int) -> bytes:
    """Code area of a Trezor One image: vector table (initial SP, reset handler) + filler."""
    assert size >= T1_MIN_CODE_LENGTH
    reset_handler = (T1_FLASH_FWHEADER_START + 1024 + reset_offset) | 1  # Thumb bit
    body = struct.pack("<II", T1_INITIAL_SP, reset_handler) + filler(label, size - 8)
    return body, reset_handler


def trzr_container(inner: bytes, signed: bool) -> bytes:
    """256-byte TRZR header in front of a TRZF image, for bootloaders before 1.8."""
    trzr = b"TRZR" + struct.pack("<I", len(inner))
    trzr += bytes([1, 2, 3]) if signed else b"\0\0\0"  # key indexes
    trzr += b"\0"  # flags
    trzr += b"\0" * 52
    trzr += filler("coldcheck made-up legacy signatures", 64 * 3) if signed else b"\0" * (64 * 3)
    assert len(trzr) == 256
    return trzr + inner


def t1_image(version, label: str, code_size: int, hw_model: bytes = b"\0\0\0\0", container: bool = True,
             signed: bool = False) -> bytes:
    """Trezor One 1.8+ release layout: [TRZR container] + TRZF header + code."""
    code, reset_handler = t1_code(label, code_size, reset_offset=0x1F0)
    hashes = chunk_hashes(code, 1024, 64 * 1024, hashlib.sha256, pad=True)
    inner = firmware_header(code, version, version, hw_model, hashes, word_after_magic=reset_handler,
                            v1_signed=signed) + code
    return trzr_container(inner, signed) if container else inner


def legacy_v2_image() -> bytes:
    """Trezor One: unsigned TRZR container + TRZF header + code, hw_model left zero."""
    return t1_image((1, 12, 1, 0), "coldcheck synthetic T1B1 code", 6000)


def vendor_header(hw_model: bytes, text: str, sigmask: int = 0) -> bytes:
    keys = [hashlib.sha256(f"coldcheck synthetic vendor key {i}".encode()).digest() for i in range(3)]
    body = b"TRZV"
    body += struct.pack("<I", 0)  # header_len, patched below
    body += struct.pack("<I", 0)  # expiry
    body += bytes([0, 1])  # version
    body += bytes([2, len(keys)])  # sig_m, sig_n
    body += b"\xff\xff"  # trust: no flags (bits are inverted)
    body += hw_model
    body += struct.pack("<H", 0)  # runtime_limit
    body += b"\0" * 8
    body += b"".join(keys)
    vstr = text.encode()
    pascal = bytes([len(vstr)]) + vstr
    pascal += b"\0" * (-len(pascal) % 4)
    body += pascal
    body += b"TOIg" + struct.pack("<HHI", 1, 1, 2) + b"\x00\x00"  # a 1x1 grayscale TOIF
    header_len = 512
    assert len(body) + 65 <= header_len
    body += b"\0" * (header_len - 65 - len(body))
    if sigmask:
        body += bytes([sigmask]) + filler("coldcheck made-up vendor signature", 64)
    else:
        body += b"\0" + b"\0" * 64  # sigmask, signature: unsigned
    body = body[:4] + struct.pack("<I", header_len) + body[8:]
    assert len(body) == header_len
    return body


def core_image(version=(2, 8, 1, 0), label="coldcheck synthetic T2B1 code", flip_code_byte=None,
               model: bytes = b"T2B1", signed: bool = False) -> bytes:
    """Safe 3 (T2B1) style: TRZV vendor header + TRZF header + code.

    flip_code_byte: offset of a code byte to invert (a tampered copy); the chunk hashes
    are recomputed over the changed code, as someone modifying the firmware would.
    """
    code = bytearray(filler(label, 3500))
    if flip_code_byte is not None:
        code[flip_code_byte] ^= 0xFF
    code = bytes(code)
    vh = vendor_header(model, "coldcheck synthetic", sigmask=0b101 if signed else 0)
    hashes = chunk_hashes(code, len(vh) + 1024, 128 * 1024, hashlib.blake2s, pad=False)
    return vh + firmware_header(code, version, version, model, hashes, sigmask=0b011 if signed else 0) + code


# Images the simulator uses as the flash of simulated devices (src/sim embeds them).
# Paths are relative to OUTDIR (firmware_fixtures/images). The tampered copy lives in
# a sibling directory so that a release lookup in firmware_fixtures/images never finds it.
SIM_T2B1_VERSION = (2, 12, 5, 0)  # healthy-safe3, genuine-safe3, modified-firmware
SIM_T2B1_LABEL = "coldcheck synthetic T2B1 2.12.5 code"
TAMPERED_OFFSET = 1000  # one code byte differs from the release image


def simulator_images() -> dict:
    return {
        "t2b1-2.12.5.bin": core_image(SIM_T2B1_VERSION, SIM_T2B1_LABEL),
        "../images-tampered/t2b1-2.12.5-tampered.bin": core_image(
            SIM_T2B1_VERSION, SIM_T2B1_LABEL, flip_code_byte=TAMPERED_OFFSET
        ),
    }


def stored_bytes(image: bytes) -> bytes:
    if image[0:4] == b"TRZR" and image[256:260] == b"TRZF":
        return image[256:]
    return image


def firmware_hash(image: bytes, model: str, challenge: bytes) -> str:
    stored = stored_bytes(image)
    area = AREA_SIZE[model]
    assert len(stored) <= area
    data = stored + b"\xff" * (area - len(stored))
    return hashlib.blake2s(data, key=challenge).hexdigest()


def outputs() -> dict:
    images = {
        "t1b1-legacy-v2.bin": (legacy_v2_image(), "T1B1"),
        "t2b1-core.bin": (core_image(), "T2B1"),
        # Signed release layout: TRZR and TRZF signature slots filled, hw_model "T1B1".
        "t1b1-1.14.1-signed.bin": (
            t1_image((1, 14, 1, 0), "coldcheck synthetic T1B1 1.14.1 code", 9000, hw_model=b"T1B1", signed=True),
            "T1B1",
        ),
        # A developer build: bare TRZF header + code, no container, unsigned.
        "t1b1-1.13.0-bare.bin": (t1_image((1, 13, 0, 0), "coldcheck synthetic T1B1 1.13.0 code", 5000,
                                          container=False), "T1B1"),
        # Model T with an all-zero hw_model (older images), signed layout.
        "t2t1-2.8.1-signed.bin": (core_image((2, 8, 1, 0), "coldcheck synthetic T2T1 code", model=b"\0\0\0\0",
                                             signed=True), "T2T1"),
    }
    files = {name: data for name, (data, _) in images.items()}
    lines = [
        "# Firmware hashes of the synthetic images, by scripts/make_test_firmware.py (hashlib.blake2s).",
        "# file model challenge_hex expected_hash_hex",
    ]
    for name, (data, model) in images.items():
        for challenge in CHALLENGES:
            lines.append(f"{name} {model} {challenge.hex()} {firmware_hash(data, model, challenge)}")
    files["expected_hashes.txt"] = ("\n".join(lines) + "\n").encode()
    files.update(simulator_images())
    return files


def fuzz_seeds() -> dict:
    legacy = legacy_v2_image()
    core = core_image()
    v1 = b"TRZR" + struct.pack("<I", 64) + b"\0" * 248 + filler("v1 code", 64)
    signed_t1 = t1_image((1, 14, 1, 0), "coldcheck synthetic T1B1 1.14.1 code", 9000, hw_model=b"T1B1", signed=True)
    return {
        "t1_signed_container": signed_t1,
        "t1_signed_bare": signed_t1[256:],
        "t1_unsigned_bare": t1_image((1, 13, 0, 0), "coldcheck synthetic T1B1 1.13.0 code", 5000, container=False),
        "t1_header_only": signed_t1[:256 + 1024],
        "core_t2t1_signed": core_image((2, 8, 1, 0), "coldcheck synthetic T2T1 code", model=b"\0\0\0\0", signed=True),
        "legacy_v2_container": legacy,
        "legacy_v2_bare": legacy[256:],
        "legacy_v1": v1,
        "core_t2b1": core,
        "core_header_only": core[:512 + 1024],
        "vendor_header_only": core[:512],
        "magic_only_trzv": b"TRZV",
    }


def main(argv) -> int:
    if argv[:1] == ["--fuzz-seeds"] and len(argv) == 2:
        out = Path(argv[1])
        out.mkdir(parents=True, exist_ok=True)
        for name, data in fuzz_seeds().items():
            (out / name).write_bytes(data)
        return 0
    check = "--check" in argv
    rest = [a for a in argv if a != "--check"]
    out = Path(rest[0]) if rest else DEFAULT_OUT
    files = outputs()
    if check:
        stale = [n for n, d in files.items() if not (out / n).exists() or (out / n).read_bytes() != d]
        if stale:
            print("stale or missing: " + ", ".join(stale), file=sys.stderr)
            return 1
        print("firmware fixtures are up to date")
        return 0
    out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
        print(f"wrote {out / name} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
