#pragma once
// Makes untrusted text safe to keep and show: valid UTF-8 (each invalid byte becomes
// U+FFFD), no C0/C1 control characters (newlines and tabs only when asked), no bidi
// controls or other invisible format characters (which can reorder or hide what a
// terminal or page shows), and at most max_bytes long, cut at a character boundary
// with "…" so that a cut is visible. Pure: no locale, no allocation beyond the result.
#include <cstddef>
#include <string>
#include <string_view>

namespace cc {

struct CleanTextOptions {
  bool keep_newlines = false;  // '\n' kept (else it becomes ' '); "\r\n" and '\r' become '\n'
  bool keep_tabs = false;      // '\t' kept (else it becomes ' ')
};

inline constexpr std::string_view kCleanTextEllipsis = "\xE2\x80\xA6";  // …

std::string clean_text(std::string_view bytes, std::size_t max_bytes, CleanTextOptions options = {});

// True if `s` is valid UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool is_valid_utf8(std::string_view s) noexcept;

}  // namespace cc
