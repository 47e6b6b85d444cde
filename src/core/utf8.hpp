#pragma once
// UTF-8 one code point at a time, shared by the text cleaner and the secret guard.
#include <cstddef>
#include <string>
#include <string_view>

namespace cc {

// Decodes the sequence at s[i] (ASCII included): its length, or 0 when it is not valid
// UTF-8 (overlong forms, surrogates, past U+10FFFF, cut short).
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp) noexcept;
void append_utf8(std::string& out, char32_t cp);

}  // namespace cc
