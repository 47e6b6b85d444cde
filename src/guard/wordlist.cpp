#include "guard/wordlist.hpp"

#include <string>

#include "core/embedded_file.hpp"
#include "core/error.hpp"

namespace cc::guard {

namespace detail {
// data/bip39/english.txt after check_wordlist.cmake passed (src/guard/CMakeLists.txt).
std::span<const EmbeddedFile> embedded_wordlists() noexcept;
}  // namespace detail

namespace {

using Words = std::array<std::string_view, kBip39WordCount>;

// One word per '\n'-terminated line. A list of the wrong length leaves entries empty, or
// blanks the last one, so that WordTable rejects it at first use.
Words split_lines(std::string_view text) noexcept {
  Words words{};
  std::size_t i = 0;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    if (i == words.size()) {
      words.back() = {};
      break;
    }
    words[i++] = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  }
  return words;
}

std::size_t slot_of(std::uint64_t key, std::size_t slots) noexcept {
  return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 40) & (slots - 1);
}

[[noreturn]] void corrupt(const std::string& why) {
  throw Error(ErrorCode::kInternal, "embedded BIP39 word list is invalid: " + why);
}

}  // namespace

std::span<const std::string_view, kBip39WordCount> bip39_english() noexcept {
  static const Words words = [] {
    for (const EmbeddedFile& file : detail::embedded_wordlists()) {
      if (file.name == "english.txt") return split_lines(file.bytes);
    }
    return Words{};
  }();
  return words;
}

std::uint64_t pack_word(std::string_view lower_letters) noexcept {
  if (lower_letters.empty() || lower_letters.size() > kBip39MaxWordLength) return 0;
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < lower_letters.size(); ++i) {
    const char c = lower_letters[i];
    if (c < 'a' || c > 'z') return 0;
    key = pack_letter(key, i, c);
  }
  return key;
}

WordTable::WordTable() : keys_(kSlots, 0), kinds_(kSlots, WordMatch::kNo) {
  const auto words = bip39_english();
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string_view w = words[i];
    if (w.size() < 3 || w.size() > kBip39MaxWordLength || pack_word(w) == 0) {
      corrupt("entry " + std::to_string(i) + " is not 3-8 letters a-z");
    }
    if (i > 0 && !(words[i - 1] < w)) corrupt("not sorted and unique at entry " + std::to_string(i));
    // BIP39 promises that the first four letters identify a word; the abbreviation
    // matching below relies on it.
    if (i > 0 && words[i - 1].substr(0, 4) == w.substr(0, 4)) {
      corrupt("entries " + std::to_string(i - 1) + " and " + std::to_string(i) + " share four letters");
    }
  }
  for (const std::string_view w : words) {
    insert(pack_word(w), WordMatch::kWord);
    if (w.size() > 4) insert(pack_word(w.substr(0, 4)), WordMatch::kPrefix4);
  }
}

void WordTable::insert(std::uint64_t key, WordMatch kind) {
  for (std::size_t s = slot_of(key, kSlots);; s = (s + 1) & (kSlots - 1)) {
    if (keys_[s] == 0) {
      keys_[s] = key;
      kinds_[s] = kind;
      return;
    }
    if (keys_[s] == key) corrupt("a word equals another word's four-letter prefix");
  }
}

WordMatch WordTable::lookup(std::uint64_t key) const noexcept {
  if (key == 0) return WordMatch::kNo;
  for (std::size_t s = slot_of(key, kSlots);; s = (s + 1) & (kSlots - 1)) {
    if (keys_[s] == key) return kinds_[s];
    if (keys_[s] == 0) return WordMatch::kNo;
  }
}

const WordTable& word_table() {
  static const WordTable table;
  return table;
}

}  // namespace cc::guard
