// Statements of a PIN or passphrase: a marker word ("PIN", "passphrase", "password",
// 密码, 口令), a joining word or sign ("is", ":", "=", 是, 为) and then a value that is not
// an ordinary word about it ("my PIN is 1357" fires, "my PIN is 8 digits" and "the
// passphrase is optional" do not). A PIN has no shape apart from its digits, so the
// statement is what gives it away.
#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "guard/detect.hpp"
#include "guard/word_index.hpp"

namespace cc::guard {
namespace {

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_letter(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_nocase(std::string_view text, std::size_t i, std::string_view lower_word) {
  if (text.size() - i < lower_word.size()) return false;
  for (std::size_t k = 0; k < lower_word.size(); ++k) {
    if (lower(text[i + k]) != lower_word[k]) return false;
  }
  return true;
}

std::size_t skip_spaces(std::string_view text, std::size_t i) {
  while (i < text.size() && (text[i] == ' ' || text[i] == '"' || text[i] == '\'' || text[i] == '`')) ++i;
  return i;
}

// The next ASCII word (letters only), lower case, at most 16 letters.
std::string word_at(std::string_view text, std::size_t i, std::size_t& end) {
  std::string w;
  while (i < text.size() && is_letter(text[i]) && w.size() < 16) w.push_back(lower(text[i++]));
  end = i;
  return w;
}

// Words that follow "PIN is"/"passphrase is" in talk about them, not values.
constexpr std::string_view kNotValues[] = {
    "not",        "no",       "optional",  "enabled",   "disabled",   "enable",    "disable",   "on",
    "off",        "wrong",    "correct",   "incorrect", "empty",      "blank",     "required",  "needed",
    "the",        "a",        "an",        "set",       "case",       "different", "lost",      "forgotten",
    "forgot",     "too",      "very",      "same",      "asked",      "shown",     "entered",   "protection",
    "feature",    "prompt",   "screen",    "dialog",    "working",    "accepted",  "rejected",  "also",
    "still",      "now",      "only",      "never",     "always",     "just",      "being",     "applied",
    "used",       "what",     "how",       "for",       "in",         "my",        "your",      "it",
    "this",       "that",     "something", "unknown",   "long",       "short",     "saved",     "stored",
    "there",      "here",     "and",       "or",        "but",        "so",        "if",        "when",
    "where",      "which",    "who",       "why",       "of",         "to",        "at",        "by",
    "with",       "from",     "as",        "active",    "supported",  "sensitive", "mandatory", "important",
    "separate",   "another",  "like",      "missing",   "gone",       "fine",      "ok",        "okay",
    "good",       "bad",      "weird",     "strange",   "safe",       "secure",    "stuck",     "broken",
    "invalid",    "valid",    "typed",     "requested", "displayed",  "hidden",    "visible",   "none",
    "changed",    "reset",    "cleared",   "really",    "definitely", "probably",  "maybe",     "currently",
    "actually",   "each",     "every",     "please",    "entry",      "input",     "field",     "option",
    "setting",    "settings", "word",      "words",     "phrase",     "wallet",    "device",    "pin",
    "passphrase", "password", "trezor",    "ledger",    "onekey",     "keepkey",   "app",       "cached",
    "remembered", "unlocked", "locked",    "asking",    "wiped",      "was",       "is",        "be",
    "been",       "are",      "were",      "has",       "have",       "had",       "will",      "would",
    "can",        "could",    "should",    "must",      "may",        "might",     "does",      "did",
    "do",         "all",      "any",       "some",      "one",        "two",       "three",     "four",
    "five",       "six",      "seven",     "eight",     "nine",       "ten",       "digits",    "digit",
    "characters", "letters",  "numbers",   "number",    "code",       "supposed",  "meant",     "already",
    "again",      "exactly",  "i",         "we",        "you",        "they",      "he",        "she",
    "our",        "their",    "his",       "her",       "its",
};

// The word lists above as packed-letter tables: one lookup instead of a string compare
// per entry.
template <std::size_t N>
PackedTable table_of(const std::string_view (&words)[N]) {
  PackedTable t(1u << 10);
  for (const std::string_view w : words) t.emplace(pack_letters(w), 1);
  return t;
}

bool in(const PackedTable& table, const std::string& w) { return table.contains(pack_letters(w)); }

bool is_ordinary_word(const std::string& w) {
  static const PackedTable not_values = table_of(kNotValues);
  if (in(not_values, w)) return true;
  for (const std::string_view suffix : {"ed", "ing", "ly", "ive", "ble", "ous", "ful", "less", "ion"}) {
    if (w.size() > suffix.size() + 2 && w.ends_with(suffix)) return true;
  }
  return false;
}

// Words after the digits that make them a count, a time or a version, not a PIN.
constexpr std::string_view kNotPinAfter[] = {
    "digits",  "digit",  "times", "time",  "attempts", "attempt", "tries",   "try",  "characters", "chars",
    "numbers", "places", "long",  "wrong", "seconds",  "secs",    "minutes", "mins", "hours",      "days",
    "months",  "years",  "ms",    "bytes", "words",    "version", "failed",  "left", "remaining",
};

// Digits (4 to 50, single spaces or dashes allowed between them) at text[i]; returns
// the count, 0 if there are not enough or they read as a number of something.
std::size_t pin_digits_at(std::string_view text, std::size_t i) {
  std::size_t digits = 0;
  std::size_t j = i;
  while (j < text.size()) {
    if (is_digit(text[j])) {
      ++digits;
      ++j;
    } else if ((text[j] == ' ' || text[j] == '-') && j + 1 < text.size() && is_digit(text[j + 1])) {
      ++j;  // "1 3 5 7", "1357-2468"
    } else {
      break;
    }
  }
  if (digits < 4 || digits > 50) return 0;
  if (j < text.size() && (text[j] == '.' || text[j] == ':' || text[j] == '%' || text[j] == '/') &&
      j + 1 < text.size() && is_digit(text[j + 1])) {
    return 0;  // 1.12.1, 10:30, 1/2
  }
  if (j < text.size() && (is_letter(text[j]) || text[j] == '%')) return 0;  // 1234abc, 2048MB
  const std::size_t k = skip_spaces(text, j);
  std::size_t end = 0;
  const std::string next = word_at(text, k, end);
  static const PackedTable not_pin_after = table_of(kNotPinAfter);
  if (in(not_pin_after, next)) return 0;
  return digits;
}

// After a marker: up to four joining words or signs, then the value.
enum class ValueKind { kPin, kPassphrase };
bool statement_after(std::string_view text, std::size_t i, ValueKind kind) {
  static constexpr std::string_view kJoiners[] = {"is",   "was",    "were", "are",    "set",  "to",      "now", "still",
                                                  "code", "number", "be",   "should", "will", "remains", "just"};
  bool joined = false;
  // A quoted value right after the marker: 'the passphrase "moonlambo"'.
  std::size_t q = i;
  while (q < text.size() && text[q] == ' ') ++q;
  if (q < text.size() && text[q] == '"') joined = true;
  for (int step = 0; step < 6 && i < text.size(); ++step) {
    i = skip_spaces(text, i);
    if (i >= text.size()) return false;
    const char c = text[i];
    if (c == ':' || c == '=') {
      joined = true;
      ++i;
      continue;
    }
    // 是 为 為 (UTF-8) join too.
    if (text.substr(i).starts_with("\xE6\x98\xAF") || text.substr(i).starts_with("\xE4\xB8\xBA") ||
        text.substr(i).starts_with("\xE7\x82\xBA")) {
      joined = true;
      i += 3;
      continue;
    }
    if (is_digit(c)) return (kind == ValueKind::kPin || joined) && pin_digits_at(text, i) > 0;
    if (!is_letter(c)) {
      if (kind == ValueKind::kPassphrase && joined && static_cast<unsigned char>(c) < 0x80 && c != '\n' && c != '.' &&
          c != ',' && c != '?' && c != '!' && c != ')' && c != '(') {
        return true;  // a value made of signs: "passphrase: #$%&"
      }
      return false;
    }
    std::size_t end = 0;
    const std::string w = word_at(text, i, end);
    static const PackedTable joiners = table_of(kJoiners);
    if (in(joiners, w)) {
      joined = true;
      i = end;
      continue;
    }
    if (kind == ValueKind::kPin || !joined) return false;
    // A letters-and-digits value ("hunter2", "Tr3zor!") or an unusual word.
    bool mixed = false;
    std::size_t k = i;
    while (k < text.size() && text[k] != ' ' && text[k] != '\n' && k - i < 64) {
      if (is_digit(text[k]) || std::string_view("@#$%^&*+=~<>|\\/_").find(text[k]) != std::string_view::npos)
        mixed = true;
      ++k;
    }
    return mixed || (w.size() >= 3 && !is_ordinary_word(w));
  }
  return false;
}

struct Marker {
  std::string_view word;
  ValueKind kind;
  bool ascii;  // an ASCII word: needs word boundaries
};
constexpr Marker kMarkers[] = {
    {"pin", ValueKind::kPin, true},
    {"pincode", ValueKind::kPin, true},
    {"passphrase", ValueKind::kPassphrase, true},
    {"password", ValueKind::kPassphrase, true},
    {"\xE5\xAF\x86\xE7\xA0\x81", ValueKind::kPassphrase, false},  // 密码
    {"\xE5\xAF\x86\xE7\xA2\xBC", ValueKind::kPassphrase, false},  // 密碼
    {"\xE5\x8F\xA3\xE4\xBB\xA4", ValueKind::kPassphrase, false},  // 口令
};

}  // namespace

// The next position at or after `from` that holds one of three bytes, or text.size().
// memchr reads many bytes per step; each byte's next position is kept until passed.
class NextOfThree {
 public:
  NextOfThree(std::string_view text, char a, char b, char c) : text_(text), bytes_{a, b, c} {
    for (std::size_t k = 0; k < 3; ++k) at_[k] = find(k, 0);
  }
  std::size_t next(std::size_t from) {
    std::size_t best = text_.size();
    for (std::size_t k = 0; k < 3; ++k) {
      if (at_[k] < from) at_[k] = find(k, from);
      best = std::min(best, at_[k]);
    }
    return best;
  }

 private:
  std::size_t find(std::size_t k, std::size_t from) const {
    if (from >= text_.size()) return text_.size();
    const void* p = std::memchr(text_.data() + from, bytes_[k], text_.size() - from);
    return p == nullptr ? text_.size() : static_cast<std::size_t>(static_cast<const char*>(p) - text_.data());
  }
  std::string_view text_;
  std::array<char, 3> bytes_;
  std::array<std::size_t, 3> at_{};
};

bool has_pin_or_passphrase(std::string_view text) {
  NextOfThree candidates(text, 'p', 'P', '\xE5');
  for (std::size_t i = candidates.next(0); i < text.size(); i = candidates.next(i + 1)) {
    const char c = text[i];
    if (c == '\xE5') {
      // 密 and 口 (E5 AF / E5 8F): most Chinese text has many other characters led by E5.
      const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0u;
      if (next != 0xAF && next != 0x8F) continue;
    } else if ((c | 0x20) == 'p') {
      // Every ASCII marker is a word of its own that starts "pi" or "pa": most 'p's
      // ("help", "update", "please") are out after two comparisons.
      if (i > 0 && is_letter(text[i - 1])) continue;
      const char next = i + 1 < text.size() ? static_cast<char>(text[i + 1] | 0x20) : '\0';
      if (next != 'i' && next != 'a') continue;
    } else {
      continue;
    }
    for (const Marker& m : kMarkers) {
      if (!starts_nocase(text, i, m.word)) continue;
      std::size_t after = i + m.word.size();
      if (m.ascii) {
        if (i > 0 && is_letter(text[i - 1])) continue;
        // "PIN码", "PIN-code", "pin code", "PIN number" belong to the marker.
        if (text.substr(after).starts_with("\xE7\xA0\x81") || text.substr(after).starts_with("\xE7\xA2\xBC"))
          after += 3;
        if (after < text.size() && is_letter(text[after])) continue;
      }
      // Chinese values are ASCII too ("密码是 abc123"); a Han word after the marker
      // ("密码错误") is talk about it.
      if (statement_after(text, after, m.ascii && m.kind == ValueKind::kPin ? ValueKind::kPin : m.kind)) return true;
      if (!m.ascii && statement_after(text, after, ValueKind::kPin)) return true;
    }
  }
  return false;
}

}  // namespace cc::guard
