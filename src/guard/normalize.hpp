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

// UTF-8 decoding and encoding: core/utf8.hpp (decode_utf8, append_utf8).

}  // namespace cc::guard
