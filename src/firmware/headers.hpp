#pragma once
// The three header layouts, each parsed on its own. Internal to cc_firmware: callers
// use parse_image(), which chains them.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "firmware/image.hpp"

namespace cc::firmware::detail {

inline constexpr std::size_t kLegacyHeaderSize = 256;     // TRZR, legacy/firmware (old bootloader)
inline constexpr std::size_t kFirmwareHeaderSize = 1024;  // TRZF, IMAGE_HEADER_SIZE / FLASH_FWHEADER_LEN
inline constexpr std::size_t kSignatureBlockSize = 65;    // sigmask + 64-byte signature at header end
inline constexpr std::size_t kMaxVendorHeaderSize = 64 * 1024;

struct LegacyHeader {
  std::uint32_t code_length = 0;
  Signatures signatures;
};
// `bytes` starts at the TRZR magic; the code must fit in `bytes`.
LegacyHeader parse_legacy_header(std::span<const std::uint8_t> bytes);

// What the word after the TRZF magic holds. Core images: header_len, which must be
// 1024. Trezor One images: the address of the reset handler, kept there for old
// bootloaders and ignored by the current one (its header is always 1024 bytes).
enum class WordAfterMagic { kHeaderLength, kResetHandler };

struct FirmwareHeader {
  std::uint32_t header_length = 0;  // always kFirmwareHeaderSize once parsed
  std::uint32_t reset_handler = 0;  // Trezor One only: the word after the magic
  std::uint32_t expiry = 0;
  std::uint32_t code_length = 0;
  Version version;
  Version fix_version;
  std::string hw_model;        // empty when the field is all zero (older images)
  Signatures v1_signatures;    // Trezor One: three indexed secp256k1 slots
  Signatures cosi_signatures;  // core: sigmask over the vendor keys
};
// `bytes` starts at the TRZF magic. Only the header must fit; the caller checks code.
FirmwareHeader parse_firmware_header(std::span<const std::uint8_t> bytes, WordAfterMagic word);

struct VendorHeader {
  std::uint32_t header_length = 0;
  std::uint32_t expiry = 0;
  std::uint8_t sig_m = 0;
  std::uint8_t sig_n = 0;
  std::string hw_model;  // empty when the field is all zero (older images)
  std::string vendor;
  Signatures signatures;
};
// `bytes` starts at the TRZV magic; the whole header must fit in `bytes`.
VendorHeader parse_vendor_header(std::span<const std::uint8_t> bytes);

// A 4-byte model field: "" when all zero, the name when it is [A-Z0-9]{4}; otherwise
// throws naming `what` and `field`.
std::string model_name(std::span<const std::uint8_t> field_bytes, std::string_view what, std::string_view field);
// Printable ASCII kept, everything else '?': vendor strings end up in reports.
std::string printable(std::span<const std::uint8_t> bytes);
unsigned popcount8(std::uint8_t value) noexcept;
// True when `magic` sits at `offset` (false when the buffer is too short).
bool has_magic(std::span<const std::uint8_t> bytes, std::size_t offset, std::string_view magic) noexcept;

}  // namespace cc::firmware::detail
