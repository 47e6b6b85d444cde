#pragma once
// Every word list the guard knows, folded the way normalize() folds text, in one index:
// a token is looked up once and the answer says which lists hold it and at which index.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace cc::guard {

enum class ListId : std::uint8_t {
  kEnglish,
  kSpanish,
  kFrench,
  kItalian,
  kCzech,
  kJapanese,
  kKorean,
  kChineseSimplified,
  kChineseTraditional,
  kSlip39,       // SLIP-39 shares (1024 words)
  kElectrumOld,  // Electrum seeds before version 2 (1626 words, by frequency in poetry)
  kMonero,       // Monero 25-word seeds, English list (1626 words)
};
inline constexpr std::size_t kListCount = 12;
constexpr std::size_t list_index(ListId id) noexcept { return static_cast<std::size_t>(id); }
constexpr std::uint16_t list_bit(ListId id) noexcept { return static_cast<std::uint16_t>(1u << list_index(id)); }

// Up to 12 ASCII letters packed 5 bits each, first letter highest; 0 for anything else.
inline constexpr std::size_t kMaxPackedLetters = 12;
std::uint64_t pack_letters(std::string_view lower) noexcept;

struct WordHit {
  std::uint16_t lists = 0;  // bit set of list_bit()
  std::array<std::uint16_t, kListCount> index{};
};

class WordIndex {
 public:
  WordIndex();  // throws cc::Error{kInternal} if an embedded list is malformed
  static const WordIndex& get();

  const WordHit* find_ascii(std::uint64_t packed) const noexcept;
  const WordHit* find_other(std::string_view folded) const;

  std::size_t size(ListId id) const noexcept { return words_[list_index(id)].size(); }
  // The list's word as embedded (not folded): what a checksum is computed over.
  std::string_view word(ListId id, std::size_t i) const noexcept { return words_[list_index(id)][i]; }
  // The first four letters of an English word of five or more letters ("aban").
  bool english_abbreviation(std::uint64_t packed) const noexcept;
  // One typo away from an English word (substitution, insertion, deletion, swap of two
  // neighbours), or a plural of one; `lower` is a-z only, 4-12 letters.
  bool english_near_miss(std::string_view lower) const;

 private:
  void add(ListId id, const std::string& folded, std::size_t i);

  std::array<std::vector<std::string_view>, kListCount> words_;
  std::vector<WordHit> hits_;
  std::unordered_map<std::uint64_t, std::uint32_t> ascii_;
  std::unordered_map<std::string, std::uint32_t> other_;
  std::unordered_set<std::uint64_t> english_prefix4_;
  std::unordered_set<std::uint64_t> english_deleted_;      // a word with one letter taken out
  std::unordered_set<std::uint64_t> english_deleted_at_;   // the same, keyed with the position
  std::unordered_set<std::uint64_t> english_words_;
};

}  // namespace cc::guard
