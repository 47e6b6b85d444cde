#pragma once
// Folds text so that the detectors see through disguise: Unicode compatibility forms
// (NFKD: fullwidth, mathematical, circled letters, ligatures), TR39 confusable skeletons
// of single characters that stand for ASCII (Cyrillic, Greek, Cherokee, IPA look-alikes),
// every combining mark, invisible and format character (zero-width, bidi controls,
// variation selectors, tags) and odd spaces. Printable ASCII is copied as is (base58 and
// hex need their case); Han, kana and Hangul stay as they are (the CJK word lists need
// them); punctuation and symbols of any script become ' '.
#include <string>
#include <string_view>
#include "core/utf8.hpp"

namespace cc::guard {

// Stands for a byte that is not UTF-8 or a code point with no meaning here (unassigned,
// private use): it joins a word, so such a token never matches a list word.
inline constexpr char kForeignLetter = '\x01';

// Output is valid UTF-8 (plus kForeignLetter): printable ASCII, '\n', ' ' for other
// ASCII controls, and folded non-ASCII letters and digits. Invisible characters are
// dropped so that they cannot split a word.
std::string normalize(std::string_view utf8);

// normalize() then ASCII lower case, with spaces removed: how list words are keyed.
std::string fold_word(std::string_view utf8);

// Script classes the word matcher tells apart.
enum class Script { kOther, kHan, kKana, kHangul };
Script script_of(char32_t cp) noexcept;

// A common Han character (U+4E00..U+9FFF) written as its three UTF-8 bytes at s[i], or
// 0. Inline and without a general decoder: the guard's hottest step on Chinese text.
inline char32_t common_han_at(std::string_view s, std::size_t i) noexcept {
  if (i >= s.size() || s.size() - i < 3) return 0;
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0xE4 || b0 > 0xE9) return 0;
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  const auto b2 = static_cast<unsigned char>(s[i + 2]);
  if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return 0;
  const char32_t cp = (char32_t{b0 & 0x0Fu} << 12) | (char32_t{b1 & 0x3Fu} << 6) | (b2 & 0x3Fu);
  return cp >= 0x4E00 ? cp : 0;  // E4 leads U+4000..U+4FFF; E9 ends at U+9FFF
}

// UTF-8 decoding and encoding: core/utf8.hpp (decode_utf8, append_utf8).

}  // namespace cc::guard
