#pragma once
// UTF-8 one code point at a time, shared by the text cleaner, the secret guard and the
// terminal renderings (how many columns a text takes).
#include <cstddef>
#include <string>
#include <string_view>

namespace cc {

// Decodes the sequence at s[i] (ASCII included): its length, or 0 when it is not valid
// UTF-8 (overlong forms, surrogates, past U+10FFFF, cut short).
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp) noexcept;
void append_utf8(std::string& out, char32_t cp);

// East Asian wide characters: a terminal gives them two columns.
bool is_wide(char32_t cp) noexcept;
// Columns a terminal gives `s`; a byte that is not valid UTF-8 counts one.
std::size_t display_width(std::string_view s) noexcept;

}  // namespace cc
