#pragma once
// hidapi reports strings as wchar_t (UTF-32 on Linux); the rest of coldcheck is UTF-8.
#include <string>

namespace cc::transport {

// nullptr gives "". Invalid code points become U+FFFD.
std::string to_utf8(const wchar_t* text);

}  // namespace cc::transport
