#include "core/clean_text.hpp"

namespace cc {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 if it is invalid.
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t len = 0;
  char32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1Fu;
    min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0Fu;
    min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07u;
    min = 0x10000;
  } else {
    return 0;
  }
  if (s.size() - i < len) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0u) != 0x80u) return 0;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

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
    const std::size_t len = decode(s, i, cp);
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
    std::size_t len = decode(bytes, i, cp);
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
    append(out, cp);
    if (out.size() + mark <= max_bytes) boundary = out.size();
  }
  return out;
}

}  // namespace cc
