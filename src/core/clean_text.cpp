#include "core/clean_text.hpp"

#include "core/utf8.hpp"

namespace cc {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

std::size_t utf8_length(char32_t cp) noexcept { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

// Unicode format characters (general category Cf), bidi controls among them, plus the
// Hangul fillers and the interlinear annotation marks, which render as nothing.
bool is_invisible_format(char32_t c) noexcept {
  return c == 0x00AD || (c >= 0x0600 && c <= 0x0605) || c == 0x061C || c == 0x06DD || c == 0x070F ||
         (c >= 0x0890 && c <= 0x0891) || c == 0x08E2 || c == 0x115F || c == 0x1160 || c == 0x180E ||
         (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) ||
         (c >= 0x2066 && c <= 0x206F) || c == 0x3164 || c == 0xFEFF || c == 0xFFA0 || (c >= 0xFFF9 && c <= 0xFFFB) ||
         c == 0x110BD || c == 0x110CD || (c >= 0x13430 && c <= 0x1343F) || (c >= 0x1BCA0 && c <= 0x1BCA3) ||
         (c >= 0x1D173 && c <= 0x1D17A) || c == 0xE0001 || (c >= 0xE0020 && c <= 0xE007F);
}

}  // namespace

bool is_valid_utf8(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t len = decode_utf8(s, i, cp);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string clean_text(std::string_view bytes, std::size_t max_bytes, CleanTextOptions options) {
  std::string out;
  out.reserve(bytes.size() < max_bytes ? bytes.size() : max_bytes);
  // Room for the ellipsis when a cut is needed; tiny limits cut without one.
  const std::size_t mark = max_bytes >= kCleanTextEllipsis.size() ? kCleanTextEllipsis.size() : 0;
  std::size_t boundary = 0;  // out.size() at the last point where the ellipsis still fits
  for (std::size_t i = 0; i < bytes.size();) {
    char32_t cp = 0;
    std::size_t len = decode_utf8(bytes, i, cp);
    if (len == 0) {
      cp = kReplacement;
      len = 1;
    }
    i += len;
    if (cp == '\r') {  // "\r\n" is one line break
      if (i < bytes.size() && bytes[i] == '\n') continue;
      cp = '\n';
    }
    if (cp == '\n') {
      cp = options.keep_newlines ? U'\n' : U' ';
    } else if (cp == '\t') {
      cp = options.keep_tabs ? U'\t' : U' ';
    } else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
      continue;  // C0 and C1 controls, DEL
    } else if (is_invisible_format(cp)) {
      continue;
    }
    const std::size_t n = utf8_length(cp);
    if (out.size() + n > max_bytes) {
      out.resize(boundary);
      out += std::string_view(kCleanTextEllipsis).substr(0, mark);
      return out;
    }
    append_utf8(out, cp);
    if (out.size() + mark <= max_bytes) boundary = out.size();
  }
  return out;
}

}  // namespace cc
