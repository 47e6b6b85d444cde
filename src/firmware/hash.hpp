#pragma once
// Predicting a Trezor's answer to GetFirmwareHash(challenge) from a release image.
// The device returns BLAKE2s-256 keyed with the challenge over its whole firmware
// flash area [core/embed/util/fwutils/fwutils.c firmware_calc_hash; legacy
// memory.c memory_firmware_hash]. What that area holds after installing an image
// [trezor-suite connect api/firmware: stripFwHeaders, calculateFirmwareHash]:
//   1. the image without its 256-byte TRZR container header, when it has one
//      (bytes 0..4 read TRZR and bytes 256..260 read TRZF);
//   2. 0xFF (erased flash) up to the area size of the model.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "firmware/blake2s.hpp"
#include "firmware/models.hpp"

namespace cc::firmware {

// The bytes the device stores: `image` minus a TRZR container header, or `image` itself.
std::span<const std::uint8_t> strip_legacy_header(std::span<const std::uint8_t> image);

// Throws cc::Error: kInvalidArgument for a challenge outside 1..32 bytes or an image
// larger than the area once stripped, kUnsupported for a model with no known area.
Blake2sDigest predict_firmware_hash(std::span<const std::uint8_t> image_bytes, std::string_view internal_model,
                                    std::span<const std::uint8_t> challenge);

// Same with an explicit area size, e.g. firmware_area_size(model, running_version).
Blake2sDigest predict_firmware_hash_for_area(std::span<const std::uint8_t> image_bytes, std::size_t area_size,
                                             std::span<const std::uint8_t> challenge);

}  // namespace cc::firmware
