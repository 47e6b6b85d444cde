#pragma once
// Folds UTF-8 text to plain ASCII so that the detectors see through the tricks that
// matter for hiding a recovery phrase or key: fullwidth forms, Cyrillic and Greek
// look-alikes, mathematical and circled letters, accents, zero-width characters and
// unusual spaces. Case is kept (base58 needs it); the word matcher folds case itself.
#include <string>
#include <string_view>

namespace cc::guard {

// Stands for a letter of another script (or a byte that is not valid UTF-8): it joins
// a word, so "café"-like tokens stay one token that is not a list word.
inline constexpr char kForeignLetter = '\x01';

// Output is ASCII only: printable characters, '\n', and kForeignLetter. Unicode
// punctuation, symbols and emoji become ' '; ASCII control characters other than
// '\n' become ' '. Invisible characters (zero-width, soft hyphen, bidi marks,
// variation selectors, combining accents) are dropped so they cannot split a word.
std::string normalize(std::string_view utf8);

}  // namespace cc::guard
