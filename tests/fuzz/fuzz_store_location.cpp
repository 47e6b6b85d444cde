// --store locations come from users and config: parse must only ever succeed or throw
// cc::Error; a parsed location re-parses to the same kind and target, and the display
// form never shows more of a PostgreSQL URI than the input had.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "store/location.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto location = cc::store::parse_location(text);
    if (location.target.empty()) __builtin_trap();
    if (location.kind == cc::store::Location::Kind::kPostgres) {
      const auto again = cc::store::parse_location(location.target);
      if (again.kind != location.kind || again.target != location.target) __builtin_trap();
    }
    const auto shown = cc::store::display_location(location);
    if (shown.empty()) __builtin_trap();
  } catch (const cc::Error&) {
  }
  return 0;
}
