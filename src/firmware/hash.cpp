#include "firmware/hash.hpp"

#include <string>

#include "core/error.hpp"
#include "firmware/headers.hpp"

namespace cc::firmware {
std::span<const std::uint8_t> strip_legacy_header(std::span<const std::uint8_t> image) {
  if (detail::has_magic(image, 0, "TRZR") && detail::has_magic(image, detail::kLegacyHeaderSize, "TRZF")) {
    return image.subspan(detail::kLegacyHeaderSize);
  }
  return image;
}

Blake2sDigest predict_firmware_hash(std::span<const std::uint8_t> image_bytes, std::string_view internal_model,
                                    std::span<const std::uint8_t> challenge) {
  // Challenge first: a bad argument is reported before an unknown model.
  check_challenge(challenge);
  return predict_firmware_hash_for_area(image_bytes, firmware_area_size(internal_model), challenge);
}

Blake2sDigest predict_firmware_hash_for_area(std::span<const std::uint8_t> image_bytes, std::size_t area_size,
                                             std::span<const std::uint8_t> challenge) {
  Blake2sMac mac(challenge);
  const auto stored = strip_legacy_header(image_bytes);
  if (stored.size() > area_size) {
    throw Error(ErrorCode::kInvalidArgument, "firmware hash: image of " + std::to_string(stored.size()) +
                                                 " bytes does not fit the " + std::to_string(area_size) +
                                                 "-byte firmware area");
  }
  mac.update(stored);
  mac.update_repeated(0xFF, area_size - stored.size());
  return mac.finish();
}

}  // namespace cc::firmware
