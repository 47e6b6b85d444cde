#pragma once
// Size of the flash area a Trezor hashes for GetFirmwareHash, per internal model.
// Sources: trezor-suite packages/connect/src/api/firmware/calculateFirmwareHash.ts
// (SIZE_*), trezor-firmware legacy/memory.h (Trezor One code sectors 4..11) and
// core/embed/models/<model>/model_<model>.h (FIRMWARE_IMAGE_MAXSIZE).
#include <cstddef>
#include <string_view>

#include "firmware/image.hpp"

namespace cc::firmware {

inline constexpr std::size_t kKiB = 1024;
// Trezor One: sector 4 (64 KiB) + sectors 5..11 (7 x 128 KiB) = 960 KiB.
inline constexpr std::size_t kAreaT1B1 = (7 * 128 + 64) * kKiB;
// Model T, Safe 3 (T2B1): 13 x 128 KiB sectors = 1664 KiB.
inline constexpr std::size_t kAreaT2 = 13 * 128 * kKiB;
// Safe 3 (T3B1), Safe 5 (T3T1): 208 x 8 KiB pages = 1664 KiB.
inline constexpr std::size_t kAreaT3 = 208 * 8 * kKiB;
// Safe 7 (T3W1): 417 x 8 KiB pages = 3336 KiB.
inline constexpr std::size_t kAreaT3W1 = 417 * 8 * kKiB;

// Throws cc::Error{kUnsupported} for a model without a known area (including "").
// Trezor One firmware older than 1.10 does not report internal_model; callers that
// know they talk to a Trezor One (major version 1) should pass "T1B1".
std::size_t firmware_area_size(std::string_view internal_model);

// As above, for the firmware the device runs: T3W1 2.9.3 hashed an area 16 KiB
// smaller (trezor-suite works around it the same way).
std::size_t firmware_area_size(std::string_view internal_model, const Version& running);

}  // namespace cc::firmware
