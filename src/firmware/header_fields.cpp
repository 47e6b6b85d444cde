// Small field decoders shared by the header parsers.
#include <bit>

#include "core/error.hpp"
#include "core/hex.hpp"
#include "firmware/headers.hpp"

namespace cc::firmware::detail {

std::string model_name(std::span<const std::uint8_t> field_bytes, std::string_view what, std::string_view field) {
  bool all_zero = true;
  bool name_like = true;
  for (const auto b : field_bytes) {
    if (b != 0) all_zero = false;
    if (!((b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9'))) name_like = false;
  }
  if (all_zero) return {};
  if (!name_like) {
    throw Error(ErrorCode::kInvalidArgument, std::string(what) + ": " + std::string(field) +
                                                 " is not a model name (hex " + to_hex(field_bytes) + ")");
  }
  return std::string(field_bytes.begin(), field_bytes.end());
}

std::string printable(std::span<const std::uint8_t> bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (const auto b : bytes) out.push_back(b >= 0x20 && b < 0x7f ? static_cast<char>(b) : '?');
  return out;
}

unsigned popcount8(std::uint8_t value) noexcept { return static_cast<unsigned>(std::popcount(value)); }

bool has_magic(std::span<const std::uint8_t> bytes, std::size_t offset, std::string_view magic) noexcept {
  if (offset > bytes.size() || magic.size() > bytes.size() - offset) return false;
  for (std::size_t i = 0; i < magic.size(); ++i) {
    if (bytes[offset + i] != static_cast<std::uint8_t>(magic[i])) return false;
  }
  return true;
}

}  // namespace cc::firmware::detail
