// TRZR: the Trezor One container header read by bootloaders before 1.8.
// Layout [trezorlib firmware/legacy.py LegacyFirmware]: magic "TRZR", code_length u32,
// key_indexes u8[3], flags u8, reserved[52], signatures 64[3]; code follows at 256.
#include "firmware/byte_reader.hpp"
#include "firmware/headers.hpp"

namespace cc::firmware::detail {

LegacyHeader parse_legacy_header(std::span<const std::uint8_t> bytes) {
  const ByteReader r(bytes, "legacy header");
  if (!r.has_magic(0, "TRZR")) r.fail("magic", "is not TRZR");
  r.require(0, kLegacyHeaderSize, "header (256 bytes)");

  LegacyHeader h;
  h.code_length = r.u32(4, "code_length");
  if (h.code_length > r.size() - kLegacyHeaderSize) {
    r.fail("code_length", std::to_string(h.code_length) + " points past the end of the image (" +
                              std::to_string(r.size() - kLegacyHeaderSize) + " bytes after the header)");
  }
  h.signatures.scheme = "v1-secp256k1";
  h.signatures.slots = 3;
  for (std::size_t i = 0; i < 3; ++i) {
    if (r.u8(8 + i, "key_indexes") != 0) ++h.signatures.present;
  }
  return h;
}

}  // namespace cc::firmware::detail
