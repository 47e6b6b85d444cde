#include "guard/normalize.hpp"

#include <cstdint>

namespace cc::guard {
namespace {

constexpr int kDrop = -1;

// Latin Extended-A (U+0100..U+017F) without their accents; '?' is not folded.
constexpr std::string_view kLatinExtA =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi??JjKkkLlLlLlLlLlNnNnNnn??OoOoOo??"
    "RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
static_assert(kLatinExtA.size() == 0x80);

// Latin-1 letters U+00C0..U+00FF without their accents; '?' is not folded.
constexpr std::string_view kLatin1 =
    "AAAAAA?CEEEEIIII?NOOOOO?OUUUUY??aaaaaa?ceeeeiiii?nooooo?ouuuuy?y";
static_assert(kLatin1.size() == 0x40);

struct Homoglyph {
  char32_t cp;
  char ascii;
};

// Cyrillic, Greek, Armenian and IPA letters that look like Latin ones, plus Latin
// small capitals. Sorted by code point for binary search.
constexpr Homoglyph kHomoglyphs[] = {
    {0x0251, 'a'}, {0x0261, 'g'}, {0x0262, 'g'}, {0x0269, 'i'}, {0x026A, 'i'},
    {0x0274, 'n'}, {0x0280, 'r'}, {0x028F, 'y'}, {0x0299, 'b'}, {0x029C, 'h'},
    {0x029F, 'l'},
    {0x0391, 'A'}, {0x0392, 'B'}, {0x0395, 'E'}, {0x0396, 'Z'}, {0x0397, 'H'},
    {0x0399, 'I'}, {0x039A, 'K'}, {0x039C, 'M'}, {0x039D, 'N'}, {0x039F, 'O'},
    {0x03A1, 'P'}, {0x03A4, 'T'}, {0x03A5, 'Y'}, {0x03A7, 'X'},
    {0x03B1, 'a'}, {0x03B2, 'b'}, {0x03B3, 'y'}, {0x03B5, 'e'}, {0x03B7, 'n'},
    {0x03B9, 'i'}, {0x03BA, 'k'}, {0x03BD, 'v'}, {0x03BF, 'o'}, {0x03C1, 'p'},
    {0x03C4, 't'}, {0x03C5, 'u'}, {0x03C7, 'x'}, {0x03C9, 'w'}, {0x03F2, 'c'},
    {0x03F3, 'j'},
    {0x0405, 'S'}, {0x0406, 'I'}, {0x0407, 'I'}, {0x0408, 'J'},
    {0x0410, 'A'}, {0x0412, 'B'}, {0x0415, 'E'}, {0x041A, 'K'}, {0x041C, 'M'},
    {0x041D, 'H'}, {0x041E, 'O'}, {0x041F, 'N'}, {0x0420, 'P'}, {0x0421, 'C'},
    {0x0422, 'T'}, {0x0423, 'Y'}, {0x0425, 'X'},
    {0x0430, 'a'}, {0x0432, 'b'}, {0x0435, 'e'}, {0x043A, 'k'}, {0x043C, 'm'},
    {0x043D, 'h'}, {0x043E, 'o'}, {0x043F, 'n'}, {0x0440, 'p'}, {0x0441, 'c'},
    {0x0442, 't'}, {0x0443, 'y'}, {0x0445, 'x'},
    {0x0450, 'e'}, {0x0451, 'e'}, {0x0455, 's'}, {0x0456, 'i'}, {0x0457, 'i'},
    {0x0458, 'j'}, {0x04BB, 'h'}, {0x04C0, 'I'}, {0x04CF, 'l'},
    {0x0500, 'D'}, {0x0501, 'd'}, {0x051A, 'Q'}, {0x051B, 'q'}, {0x051C, 'W'},
    {0x051D, 'w'},
    {0x0585, 'o'},
    {0x1D00, 'a'}, {0x1D04, 'c'}, {0x1D05, 'd'}, {0x1D07, 'e'}, {0x1D0A, 'j'},
    {0x1D0B, 'k'}, {0x1D0D, 'm'}, {0x1D0F, 'o'}, {0x1D18, 'p'}, {0x1D1B, 't'},
    {0x1D1C, 'u'}, {0x1D20, 'v'}, {0x1D21, 'w'}, {0x1D22, 'z'},
    {0xA731, 's'},
};

constexpr bool homoglyphs_sorted() {
  for (std::size_t i = 1; i < std::size(kHomoglyphs); ++i) {
    if (!(kHomoglyphs[i - 1].cp < kHomoglyphs[i].cp)) return false;
  }
  return true;
}

int lookup_homoglyph(char32_t cp) noexcept {
  std::size_t lo = 0;
  std::size_t hi = std::size(kHomoglyphs);
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (kHomoglyphs[mid].cp < cp) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo < std::size(kHomoglyphs) && kHomoglyphs[lo].cp == cp) return kHomoglyphs[lo].ascii;
  return kForeignLetter;
}

bool is_invisible(char32_t cp) noexcept {
  return cp == 0x00AD ||                    // soft hyphen
         (cp >= 0x0300 && cp <= 0x036F) ||  // combining accents: "a\u0301" is "a"
         cp == 0x034F || cp == 0x061C || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 ||
         cp == 0x17B5 || cp == 0x180E ||
         (cp >= 0x200B && cp <= 0x200F) ||  // zero-width space/non-joiner/joiner, LRM, RLM
         (cp >= 0x202A && cp <= 0x202E) ||  // bidi embeddings and overrides
         (cp >= 0x2060 && cp <= 0x2064) ||  // word joiner, invisible operators
         (cp >= 0x2066 && cp <= 0x206F) ||  // bidi isolates and deprecated format chars
         cp == 0x3164 || cp == 0xFEFF || cp == 0xFFA0 ||
         (cp >= 0xFE00 && cp <= 0xFE0F) ||  // variation selectors
         (cp >= 0xE0000 && cp <= 0xE0FFF);  // tags, variation selectors supplement
}

bool is_space(char32_t cp) noexcept {
  return cp == 0x0085 || cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// Punctuation and symbol blocks: they separate words like ASCII punctuation does.
bool is_symbol(char32_t cp) noexcept {
  return (cp >= 0x0080 && cp <= 0x00BF) || cp == 0x00D7 || cp == 0x00F7 ||
         (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E) ||
         (cp >= 0x2070 && cp <= 0x209F) ||  // super/subscripts (digits mostly)
         (cp >= 0x20A0 && cp <= 0x20CF) ||  // currency
         (cp >= 0x2100 && cp <= 0x214F) ||  // letterlike symbols
         (cp >= 0x2150 && cp <= 0x218F) ||  // number forms
         (cp >= 0x2190 && cp <= 0x2BFF) ||  // arrows, maths, box drawing, dingbats ...
         (cp >= 0x2E00 && cp <= 0x2E7F) ||  // supplemental punctuation
         (cp >= 0x3001 && cp <= 0x303F) ||  // CJK punctuation
         (cp >= 0xFE10 && cp <= 0xFE6F) ||  // vertical, small and compatibility forms
         (cp >= 0xFF5F && cp <= 0xFF65) ||  // fullwidth brackets, halfwidth CJK punctuation
         (cp >= 0xFFE0 && cp <= 0xFFEE) || (cp >= 0xFFF9 && cp <= 0xFFFD) ||
         (cp >= 0x1F000 && cp <= 0x1FAFF);  // emoji and pictographs
}

// Maps one code point >= 0x80 to an ASCII byte, ' ', kForeignLetter, or kDrop.
int fold(char32_t cp) noexcept {
  if (is_invisible(cp)) return kDrop;
  if (is_space(cp)) return ' ';
  if (cp >= 0xFF01 && cp <= 0xFF5E) {  // fullwidth ASCII
    const int c = static_cast<int>(cp - 0xFEE0);
    return c;
  }
  if (cp >= 0x00C0 && cp <= 0x00FF) {
    const char c = kLatin1[cp - 0x00C0];
    return c == '?' ? (cp == 0x00D7 || cp == 0x00F7 ? ' ' : kForeignLetter) : c;
  }
  if (cp >= 0x0100 && cp <= 0x017F) {
    const char c = kLatinExtA[cp - 0x0100];
    return c == '?' ? kForeignLetter : c;
  }
  if (cp >= 0x1D400 && cp <= 0x1D6A3) {  // mathematical bold/italic/script/... A-Z a-z
    const auto i = static_cast<int>((cp - 0x1D400) % 52);
    return i < 26 ? 'A' + i : 'a' + (i - 26);
  }
  if (cp >= 0x1D7CE && cp <= 0x1D7FF) return '0' + static_cast<int>((cp - 0x1D7CE) % 10);
  if (cp >= 0x24B6 && cp <= 0x24CF) return 'A' + static_cast<int>(cp - 0x24B6);  // circled
  if (cp >= 0x24D0 && cp <= 0x24E9) return 'a' + static_cast<int>(cp - 0x24D0);
  if (cp >= 0x249C && cp <= 0x24B5) return 'a' + static_cast<int>(cp - 0x249C);  // (a)
  if (cp >= 0x2460 && cp <= 0x24B5) return ' ';  // circled and parenthesised numbers
  if (cp >= 0x1F130 && cp <= 0x1F149) return 'A' + static_cast<int>(cp - 0x1F130);  // squared
  if (cp >= 0x1F150 && cp <= 0x1F169) return 'A' + static_cast<int>(cp - 0x1F150);
  if (cp >= 0x1F170 && cp <= 0x1F189) return 'A' + static_cast<int>(cp - 0x1F170);
  if (cp >= 0x1F1E6 && cp <= 0x1F1FF) return 'A' + static_cast<int>(cp - 0x1F1E6);  // regional
  if (is_symbol(cp)) return ' ';
  return lookup_homoglyph(cp);
}

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 if it is invalid.
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
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

}  // namespace

static_assert(homoglyphs_sorted());

std::string normalize(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::size_t i = 0;
  while (i < utf8.size()) {
    // Fast path: a stretch of printable ASCII (and newlines) is copied as is.
    std::size_t j = i;
    while (j < utf8.size() && ((utf8[j] >= 0x20 && utf8[j] < 0x7F) || utf8[j] == '\n')) ++j;
    if (j > i) {
      out.append(utf8.substr(i, j - i));
      i = j;
      if (i == utf8.size()) break;
    }
    const auto b = static_cast<unsigned char>(utf8[i]);
    if (b < 0x80) {
      out.push_back((b < 0x20 && b != '\n') || b == 0x7F ? ' ' : static_cast<char>(b));
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t len = decode(utf8, i, cp);
    if (len == 0) {  // not UTF-8: one byte that joins a word but is no letter of ours
      out.push_back(kForeignLetter);
      ++i;
      continue;
    }
    i += len;
    const int c = fold(cp);
    if (c != kDrop) out.push_back(static_cast<char>(c));
  }
  return out;
}

}  // namespace cc::guard
