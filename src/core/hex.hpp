#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cc {

std::string to_hex(std::span<const std::uint8_t> bytes);
// Throws Error{kInvalidArgument} on odd length or a non-hex digit.
std::vector<std::uint8_t> from_hex(std::string_view hex);

}  // namespace cc
