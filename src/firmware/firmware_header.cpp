// TRZF: the 1024-byte firmware header of Trezor One (1.8+) and core models.
// Layout [trezorlib firmware/core.py FirmwareHeader; legacy/firmware/fw_signatures.h
// image_header; core/embed .../image.h]:
//     0 magic "TRZF"      4 header_len u32 (Trezor One: reset handler address)
//     8 expiry u32        12 code_length u32
//    16 version u8[4]    20 fix_version u8[4]  24 hw_model[4] (reserved, zero, in old images)
//    28 hw_revision u8   29 monotonic u8      30 reserved[2]    32 hashes 32[16]
//   544 v1 signatures 64[3] (Trezor One)     736 v1 key indexes u8[3]
//   739 reserved[220]   959 sigmask u8       960 signature[64] (core, CoSi Ed25519)
#include "firmware/byte_reader.hpp"
#include "firmware/headers.hpp"

namespace cc::firmware::detail {
namespace {

Version read_version(const ByteReader& r, std::size_t offset, std::string_view field) {
  const auto b = r.bytes(offset, 4, field);
  return Version{b[0], b[1], b[2], b[3]};
}

}  // namespace

FirmwareHeader parse_firmware_header(std::span<const std::uint8_t> bytes, WordAfterMagic word) {
  const ByteReader r(bytes, "firmware header");
  if (!r.has_magic(0, "TRZF")) r.fail("magic", "is not TRZF");

  FirmwareHeader h;
  const std::uint32_t after_magic = r.u32(4, "header_len");
  if (word == WordAfterMagic::kResetHandler) {
    h.reset_handler = after_magic;
  } else if (after_magic != kFirmwareHeaderSize) {
    // The core bootloader reads a fixed 0x400-byte header and checks this field.
    r.fail("header_len", std::to_string(after_magic) + " is not " + std::to_string(kFirmwareHeaderSize));
  }
  h.header_length = static_cast<std::uint32_t>(kFirmwareHeaderSize);
  r.require(0, kFirmwareHeaderSize, "header (1024 bytes)");
  h.expiry = r.u32(8, "expiry");
  h.code_length = r.u32(12, "code_length");
  h.version = read_version(r, 16, "version");
  h.fix_version = read_version(r, 20, "fix_version");
  h.hw_model = model_name(r.bytes(24, 4, "hw_model"), "firmware header", "hw_model");

  h.v1_signatures.scheme = "v1-secp256k1";
  h.v1_signatures.slots = 3;
  for (std::size_t i = 0; i < 3; ++i) {
    if (r.u8(736 + i, "v1_key_indexes") != 0) ++h.v1_signatures.present;
  }
  h.cosi_signatures.scheme = "cosi-ed25519";
  h.cosi_signatures.slots = 8;
  h.cosi_signatures.present = popcount8(r.u8(kFirmwareHeaderSize - kSignatureBlockSize, "sigmask"));
  return h;
}

}  // namespace cc::firmware::detail
