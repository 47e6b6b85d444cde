#pragma once
// SHA-256 of a byte string, the one digest the report uses (integrity, key id).
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace cc::report {

using Sha256Digest = std::array<std::uint8_t, 32>;

Sha256Digest sha256(std::span<const std::uint8_t> bytes);
Sha256Digest sha256(std::string_view bytes);

}  // namespace cc::report
