#include "guard/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>

#include <array>
#include <unordered_map>

namespace cc::guard {
namespace {

struct Homoglyph {
  char32_t cp;
  char ascii;
};

// The few look-alikes the TR39 table does not map to ASCII (its prototype for them is
// another non-ASCII letter, e.g. Greek tau), and letters with a stroke, which have no
// decomposition: checked after the skeleton. Sorted by code point for binary search.
constexpr Homoglyph kHomoglyphs[] = {
    {0x00D0, 'D'}, {0x00D8, 'O'}, {0x00DE, 'P'}, {0x00DF, 's'}, {0x00F0, 'd'}, {0x00F8, 'o'}, {0x00FE, 'p'},
    {0x0110, 'D'}, {0x0111, 'd'}, {0x0126, 'H'}, {0x0127, 'h'}, {0x0131, 'i'}, {0x0138, 'k'}, {0x013F, 'L'},
    {0x0140, 'l'}, {0x0141, 'L'}, {0x0142, 'l'}, {0x0166, 'T'}, {0x0167, 't'}, {0x0180, 'b'}, {0x0197, 'I'},
    {0x01B5, 'Z'}, {0x01B6, 'z'}, {0x01E4, 'G'}, {0x01E5, 'g'}, {0x0246, 'E'}, {0x0247, 'e'}, {0x0248, 'J'},
    {0x0249, 'j'}, {0x024C, 'R'}, {0x024D, 'r'}, {0x024E, 'Y'}, {0x024F, 'y'}, {0x0251, 'a'}, {0x0261, 'g'},
    {0x0262, 'g'}, {0x0269, 'i'}, {0x026A, 'i'}, {0x0274, 'n'}, {0x0280, 'r'}, {0x028F, 'y'}, {0x0299, 'b'},
    {0x029C, 'h'}, {0x029F, 'l'}, {0x0391, 'A'}, {0x0392, 'B'}, {0x0395, 'E'}, {0x0396, 'Z'}, {0x0397, 'H'},
    {0x0399, 'I'}, {0x039A, 'K'}, {0x039C, 'M'}, {0x039D, 'N'}, {0x039F, 'O'}, {0x03A1, 'P'}, {0x03A4, 'T'},
    {0x03A5, 'Y'}, {0x03A7, 'X'}, {0x03B1, 'a'}, {0x03B2, 'b'}, {0x03B3, 'y'}, {0x03B5, 'e'}, {0x03B7, 'n'},
    {0x03B9, 'i'}, {0x03BA, 'k'}, {0x03BD, 'v'}, {0x03BF, 'o'}, {0x03C1, 'p'}, {0x03C4, 't'}, {0x03C5, 'u'},
    {0x03C7, 'x'}, {0x03C9, 'w'}, {0x03F2, 'c'}, {0x03F3, 'j'}, {0x0405, 'S'}, {0x0406, 'I'}, {0x0407, 'I'},
    {0x0408, 'J'}, {0x0410, 'A'}, {0x0412, 'B'}, {0x0415, 'E'}, {0x041A, 'K'}, {0x041C, 'M'}, {0x041D, 'H'},
    {0x041E, 'O'}, {0x041F, 'N'}, {0x0420, 'P'}, {0x0421, 'C'}, {0x0422, 'T'}, {0x0423, 'Y'}, {0x0425, 'X'},
    {0x0430, 'a'}, {0x0432, 'b'}, {0x0435, 'e'}, {0x043A, 'k'}, {0x043C, 'm'}, {0x043D, 'h'}, {0x043E, 'o'},
    {0x043F, 'n'}, {0x0440, 'p'}, {0x0441, 'c'}, {0x0442, 't'}, {0x0443, 'y'}, {0x0445, 'x'}, {0x0450, 'e'},
    {0x0451, 'e'}, {0x0455, 's'}, {0x0456, 'i'}, {0x0457, 'i'}, {0x0458, 'j'}, {0x04BB, 'h'}, {0x04C0, 'I'},
    {0x04CF, 'l'}, {0x0500, 'D'}, {0x0501, 'd'}, {0x051A, 'Q'}, {0x051B, 'q'}, {0x051C, 'W'}, {0x051D, 'w'},
    {0x0585, 'o'}, {0x1D00, 'a'}, {0x1D04, 'c'}, {0x1D05, 'd'}, {0x1D07, 'e'}, {0x1D0A, 'j'}, {0x1D0B, 'k'},
    {0x1D0D, 'm'}, {0x1D0F, 'o'}, {0x1D18, 'p'}, {0x1D1B, 't'}, {0x1D1C, 'u'}, {0x1D20, 'v'}, {0x1D21, 'w'},
    {0x1D22, 'z'}, {0xA731, 's'},
};

constexpr bool homoglyphs_sorted() {
  for (std::size_t i = 1; i < std::size(kHomoglyphs); ++i) {
    if (!(kHomoglyphs[i - 1].cp < kHomoglyphs[i].cp)) return false;
  }
  return true;
}

int lookup_homoglyph(char32_t cp) noexcept {  // -1 if none
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
  return -1;
}

bool is_mark_or_invisible(UChar32 c) noexcept {
  const auto t = static_cast<UCharCategory>(u_charType(c));
  return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_COMBINING_SPACING_MARK || t == U_FORMAT_CHAR ||
         u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) ||
         u_hasBinaryProperty(c, UCHAR_VARIATION_SELECTOR) || c == 0x3164 || c == 0xFFA0 || c == 0x115F || c == 0x1160;
}

bool is_space_like(UChar32 c) noexcept {
  const auto t = static_cast<UCharCategory>(u_charType(c));
  return t == U_SPACE_SEPARATOR || t == U_LINE_SEPARATOR || t == U_PARAGRAPH_SEPARATOR || t == U_CONTROL_CHAR;
}

bool is_punct_or_symbol(UChar32 c) noexcept {
  switch (static_cast<UCharCategory>(u_charType(c))) {
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
    case U_MATH_SYMBOL:
    case U_CURRENCY_SYMBOL:
    case U_MODIFIER_SYMBOL:
    case U_OTHER_SYMBOL: return true;
    default: return false;
  }
}

// One spoof checker per thread: ICU allows concurrent use of a const checker, but a
// per-thread one keeps the rule simple.
class Skeleton {
 public:
  Skeleton() {
    UErrorCode status = U_ZERO_ERROR;
    checker_ = uspoof_open(&status);
    if (U_FAILURE(status)) checker_ = nullptr;
  }
  ~Skeleton() {
    if (checker_ != nullptr) uspoof_close(checker_);
  }
  Skeleton(const Skeleton&) = delete;
  Skeleton& operator=(const Skeleton&) = delete;

  // The TR39 skeleton of one character, if it is made of ASCII letters and digits only.
  std::string ascii_of(UChar32 c) const {
    if (checker_ == nullptr) return {};
    std::string utf8;
    append_utf8(utf8, static_cast<char32_t>(c));
    std::array<char, 32> out{};
    UErrorCode status = U_ZERO_ERROR;
    const int32_t got = uspoof_getSkeletonUTF8(checker_, 0, utf8.data(), static_cast<int32_t>(utf8.size()), out.data(),
                                               static_cast<int32_t>(out.size()), &status);
    if (U_FAILURE(status) || got <= 0 || got > static_cast<int32_t>(out.size())) return {};
    std::string s(out.data(), static_cast<std::size_t>(got));
    for (const char ch : s) {
      const bool alnum = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
      if (!alnum) return {};
    }
    return s;
  }

 private:
  USpoofChecker* checker_ = nullptr;
};

std::string compute_fold(UChar32 cp) {
  // Typographic apostrophes join a word the way ASCII ' does ("abandon’s").
  if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC || cp == 0xFF07 || cp == 0x2032) return "'";
  if (is_mark_or_invisible(cp)) return {};
  if (is_space_like(cp)) return " ";
  const auto type = static_cast<UCharCategory>(u_charType(cp));
  if (type == U_UNASSIGNED || type == U_PRIVATE_USE_CHAR || type == U_SURROGATE) {
    return std::string(1, kForeignLetter);
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  if (U_FAILURE(status) || nfkd == nullptr) return std::string(1, kForeignLetter);
  const icu::UnicodeString decomposed = nfkd->normalize(icu::UnicodeString(cp), status);
  if (U_FAILURE(status)) return std::string(1, kForeignLetter);
  thread_local const Skeleton skeleton;
  std::string out;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (is_mark_or_invisible(c)) continue;
    if (c < 0x80) {
      out.push_back(c < 0x20 || c == 0x7F ? ' ' : static_cast<char>(c));
      continue;
    }
    if (is_space_like(c) || is_punct_or_symbol(c)) {
      out.push_back(' ');
      continue;
    }
    const Script script = script_of(static_cast<char32_t>(c));
    if (script == Script::kOther) {
      std::string ascii = skeleton.ascii_of(c);
      if (!ascii.empty()) {
        out += ascii;
        continue;
      }
      const int fallback = lookup_homoglyph(static_cast<char32_t>(c));
      if (fallback >= 0) {
        out.push_back(static_cast<char>(fallback));
        continue;
      }
    }
    append_utf8(out, static_cast<char32_t>(c));
  }
  return out;
}

// Folding a code point costs ICU calls; a text reuses few distinct ones. Bounded, so a
// text made of every code point cannot grow it without limit.
const std::string& fold_cached(char32_t cp) {
  thread_local std::unordered_map<char32_t, std::string> cache;
  if (cache.size() > 16384) cache.clear();
  auto it = cache.find(cp);
  if (it == cache.end()) it = cache.emplace(cp, compute_fold(static_cast<UChar32>(cp))).first;
  return it->second;
}

}  // namespace

static_assert(homoglyphs_sorted());

Script script_of(char32_t cp) noexcept {
  if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
      (cp >= 0x20000 && cp <= 0x3134F) || cp == 0x3007) {
    return Script::kHan;
  }
  if ((cp >= 0x3041 && cp <= 0x30FF && cp != 0x30FB) || (cp >= 0x31F0 && cp <= 0x31FF)) return Script::kKana;
  if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3131 && cp <= 0x318E)) {
    return Script::kHangul;
  }
  return Script::kOther;
}

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
    if (common_han_at(utf8, i) != 0) {  // common Han characters fold to themselves
      out.append(utf8.substr(i, 3));
      i += 3;
      continue;
    }
    const auto b = static_cast<unsigned char>(utf8[i]);
    if (b < 0x80) {
      out.push_back(' ');  // control characters and DEL
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t len = decode_utf8(utf8, i, cp);
    if (len == 0) {  // not UTF-8: one byte that joins a word but is no letter of ours
      out.push_back(kForeignLetter);
      ++i;
      continue;
    }
    if (cp >= 0x4E00 && cp <= 0x9FFF) {
      out.append(utf8.substr(i, len));  // common Han characters fold to themselves
    } else if (cp >= 0xAC00 && cp <= 0xD7A3) {
      // Hangul syllables become their letters (jamo), as NFKD does, so that composed
      // and decomposed input meet the list the same way.
      const char32_t s = cp - 0xAC00;
      append_utf8(out, 0x1100 + s / 588);
      append_utf8(out, 0x1161 + (s % 588) / 28);
      if (s % 28 != 0) append_utf8(out, 0x11A7 + s % 28);
    } else {
      out += fold_cached(cp);
    }
    i += len;
  }
  return out;
}

std::string fold_word(std::string_view utf8) {
  std::string s = normalize(utf8);
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    if (c == ' ' || c == '\n') continue;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

}  // namespace cc::guard
