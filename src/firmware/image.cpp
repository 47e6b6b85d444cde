// parse_image: picks the layout by its magic and chains the header parsers.
#include "firmware/image.hpp"

#include "core/error.hpp"
#include "core/hex.hpp"
#include "firmware/headers.hpp"

namespace cc::firmware {
namespace {

using detail::kFirmwareHeaderSize;
using detail::kLegacyHeaderSize;

// Core code starts at a 512-byte boundary (CODE_ALIGNMENT 0x200 in core/embed/models/*).
constexpr std::size_t kCodeAlignment = 0x200;

void fill_from_firmware_header(ImageInfo& info, const detail::FirmwareHeader& h) {
  info.header_length = h.header_length;
  info.expiry = h.expiry;
  info.code_length = h.code_length;
  info.version_number = h.version;
  info.version = h.version.to_string();
  info.fix_version = h.fix_version;
}

// Checks that `code_length` bytes from `offset` fit in a region of `region_size`
// bytes, and records where the code sits and what follows it.
void place_code(ImageInfo& info, std::size_t offset, std::size_t region_size, std::size_t region_start) {
  if (offset > region_size || info.code_length > region_size - offset) {
    throw Error(ErrorCode::kInvalidArgument, "firmware header: code_length " + std::to_string(info.code_length) +
                                                 " points past the end of the image (" +
                                                 std::to_string(offset > region_size ? 0 : region_size - offset) +
                                                 " bytes after the header)");
  }
  info.code_offset = region_start + offset;
  info.trailing_bytes = region_size - offset - info.code_length;
}

void set_model(ImageInfo& info, const std::string& stated, const char* inferred) {
  if (!stated.empty()) {
    info.internal_model = stated;
  } else {
    info.internal_model = inferred;
    info.internal_model_inferred = true;
  }
}

// A bare TRZF image (Trezor One 1.8+), possibly the payload of a TRZR container.
void parse_legacy_v2(ImageInfo& info, std::span<const std::uint8_t> bytes, std::size_t region_start) {
  const auto h = detail::parse_firmware_header(bytes, detail::WordAfterMagic::kResetHandler);
  info.kind = "legacy-v2";
  fill_from_firmware_header(info, h);
  info.reset_handler = h.reset_handler;
  info.firmware_signatures = h.v1_signatures;
  set_model(info, h.hw_model, "T1B1");
  place_code(info, kFirmwareHeaderSize, bytes.size(), region_start);
}

void parse_core(ImageInfo& info, std::span<const std::uint8_t> bytes) {
  const auto v = detail::parse_vendor_header(bytes);
  const auto h = detail::parse_firmware_header(bytes.subspan(v.header_length), detail::WordAfterMagic::kHeaderLength);
  info.kind = "core";
  fill_from_firmware_header(info, h);
  info.vendor = v.vendor;
  info.vendor_header_length = v.header_length;
  info.vendor_sig_m = v.sig_m;
  info.vendor_sig_n = v.sig_n;
  info.vendor_header_signatures = v.signatures;
  info.firmware_signatures = h.cosi_signatures;
  if (!h.hw_model.empty() && !v.hw_model.empty() && h.hw_model != v.hw_model) {
    throw Error(ErrorCode::kInvalidArgument,
                "firmware header: hw_model " + h.hw_model + " differs from the vendor header's " + v.hw_model);
  }
  // trezorlib reads an all-zero hw_model as T2T1: the field came with the second model.
  set_model(info, h.hw_model.empty() ? v.hw_model : h.hw_model, "T2T1");
  const std::size_t header_end = std::size_t{v.header_length} + kFirmwareHeaderSize;
  const std::size_t code_start = (header_end + kCodeAlignment - 1) / kCodeAlignment * kCodeAlignment;
  place_code(info, code_start, bytes.size(), 0);
}

}  // namespace

std::string Version::to_string() const {
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

std::string Version::to_string_with_build() const { return to_string() + "." + std::to_string(build); }

ImageInfo parse_image(std::span<const std::uint8_t> bytes) {
  if (bytes.size() < 4) {
    throw Error(ErrorCode::kInvalidArgument,
                "firmware image: magic missing (" + std::to_string(bytes.size()) + " bytes, need at least 4)");
  }
  ImageInfo info;
  if (detail::has_magic(bytes, 0, "TRZR")) {
    const auto legacy = detail::parse_legacy_header(bytes);
    info.has_legacy_header = true;
    info.legacy_header_signatures = legacy.signatures;
    const auto payload = bytes.subspan(kLegacyHeaderSize, legacy.code_length);
    if (detail::has_magic(payload, 0, "TRZF")) {
      parse_legacy_v2(info, payload, kLegacyHeaderSize);
      info.trailing_bytes += bytes.size() - kLegacyHeaderSize - legacy.code_length;
      return info;
    }
    info.kind = "legacy-v1";
    info.header_length = static_cast<std::uint32_t>(kLegacyHeaderSize);
    info.code_length = legacy.code_length;
    info.internal_model = "T1B1";
    info.internal_model_inferred = true;
    info.code_offset = kLegacyHeaderSize;
    info.trailing_bytes = bytes.size() - kLegacyHeaderSize - legacy.code_length;
    return info;
  }
  if (detail::has_magic(bytes, 0, "TRZF")) {
    parse_legacy_v2(info, bytes, 0);
    return info;
  }
  if (detail::has_magic(bytes, 0, "TRZV")) {
    parse_core(info, bytes);
    return info;
  }
  throw Error(ErrorCode::kInvalidArgument,
              "firmware image: magic " + to_hex(bytes.first(4)) + " is none of TRZR, TRZF, TRZV");
}

}  // namespace cc::firmware
