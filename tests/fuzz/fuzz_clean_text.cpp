// Arbitrary bytes through clean_text(): the result is valid UTF-8, within the limit,
// free of control, bidi and format characters, and cleaning it again changes nothing
// (when it was not cut). The first two bytes choose the limit and the options.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/clean_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::size_t limit = static_cast<std::size_t>(data[0]) * 8;
  const cc::CleanTextOptions options{.keep_newlines = (data[1] & 1) != 0, .keep_tabs = (data[1] & 2) != 0};
  const std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);

  const std::string once = cc::clean_text(text, limit, options);
  if (once.size() > limit) __builtin_trap();
  if (!cc::is_valid_utf8(once)) __builtin_trap();
  for (const char c : once) {
    const auto u = static_cast<unsigned char>(c);
    if (u == 0x7F || (u < 0x20 && !(c == '\n' && options.keep_newlines) && !(c == '\t' && options.keep_tabs))) {
      __builtin_trap();
    }
  }
  if (once.find("\xE2\x80\xAE") != std::string::npos || once.find("\xE2\x81\xA6") != std::string::npos)
    __builtin_trap();
  if (once.size() + 3 < limit && cc::clean_text(once, limit, options) != once) __builtin_trap();
  return 0;
}
