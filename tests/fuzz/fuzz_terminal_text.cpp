// Arbitrary bytes as a page or a field printed to a terminal (render::terminal_text and
// terminal_field): the result is valid UTF-8 with no control character but '\n' (and
// '\t' in a page), no bidi control, every line within its limit, and a field one line.
// The first byte chooses the line limit.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/clean_text.hpp"
#include "render/terminal_text.hpp"

namespace {

void check_clean(const std::string& shown, bool page, std::size_t line_limit) {
  if (!cc::is_valid_utf8(shown)) __builtin_trap();
  std::size_t line = 0;
  for (const char c : shown) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\n' && page) {
      line = 0;
      continue;
    }
    if (u == 0x7F || (u < 0x20 && !(c == '\t' && page))) __builtin_trap();
    if (++line > line_limit) __builtin_trap();
  }
  for (const std::string_view bidi : {"\xE2\x80\xAA", "\xE2\x80\xAB", "\xE2\x80\xAC", "\xE2\x80\xAD", "\xE2\x80\xAE",
                                      "\xE2\x81\xA6", "\xE2\x81\xA7", "\xE2\x81\xA8", "\xE2\x81\xA9"}) {
    if (shown.find(bidi) != std::string::npos) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::size_t limit = static_cast<std::size_t>(data[0]) * 4;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  check_clean(cc::render::terminal_text(text, limit), true, limit);
  check_clean(cc::render::terminal_field(text, limit), false, limit);
  return 0;
}
