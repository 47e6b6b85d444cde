#pragma once
// The embedded BIP39 English list and a fast membership table for the guard.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace cc::guard {

inline constexpr std::size_t kBip39WordCount = 2048;
inline constexpr std::size_t kBip39MaxWordLength = 8;

// data/bip39/english.txt as embedded at build time, which fails unless the file has the
// standard SHA-256 and 2048 sorted unique a-z words; WordTable checks the shape again.
std::span<const std::string_view, kBip39WordCount> bip39_english() noexcept;

// Up to 8 letters a-z packed 5 bits each, first letter highest, so 0 means "empty".
// Returns 0 for anything longer than 8 or outside a-z.
std::uint64_t pack_word(std::string_view lower_letters) noexcept;
// One more letter ('a'..'z') at position `index` (0-based) of a key being built.
constexpr std::uint64_t pack_letter(std::uint64_t key, std::size_t index, char c) noexcept {
  return key | (static_cast<std::uint64_t>(c - 'a' + 1) << (5 * (kBip39MaxWordLength - 1 - index)));
}

enum class WordMatch : std::uint8_t {
  kNo,
  kWord,     // a whole list word
  kPrefix4,  // exactly the first four letters of a list word of five or more letters
};

class WordTable {
 public:
  WordTable();  // throws cc::Error{kInternal} if the embedded list is not a valid BIP39 list
  WordMatch lookup(std::uint64_t key) const noexcept;

 private:
  static constexpr std::size_t kSlots = 8192;  // 4096 keys at most: load factor <= 1/2
  void insert(std::uint64_t key, WordMatch kind);
  std::vector<std::uint64_t> keys_;
  std::vector<WordMatch> kinds_;
};

// Built and verified once, at first use.
const WordTable& word_table();

}  // namespace cc::guard
