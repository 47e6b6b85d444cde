#pragma once
// Every word list the guard knows, folded the way normalize() folds text, in one index:
// a token is looked up once and the answer says which lists hold it and at which index.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cc::guard {

enum class ListId : std::uint8_t {
  kEnglish,
  kSpanish,
  kFrench,
  kItalian,
  kCzech,
  kPortuguese,
  kJapanese,
  kKorean,
  kChineseSimplified,
  kChineseTraditional,
  kSlip39,       // SLIP-39 shares (1024 words)
  kElectrumOld,  // Electrum seeds before version 2 (1626 words, by frequency in poetry)
  kMonero,       // Monero 25-word seeds, English list (1626 words)
};
inline constexpr std::size_t kListCount = 13;
constexpr std::size_t list_index(ListId id) noexcept { return static_cast<std::size_t>(id); }
constexpr std::uint16_t list_bit(ListId id) noexcept { return static_cast<std::uint16_t>(1u << list_index(id)); }

// Up to 12 ASCII letters packed 5 bits each, first letter highest; 0 for anything else.
inline constexpr std::size_t kMaxPackedLetters = 12;
std::uint64_t pack_letters(std::string_view lower) noexcept;

struct WordHit {
  std::uint16_t lists = 0;  // bit set of list_bit()
  std::array<std::uint16_t, kListCount> index{};
};

// Open addressing over 64-bit keys (0 is never a key): one multiply and, most of the
// time, one probe per lookup, which is what keeps the guard fast on ordinary text.
class PackedTable {
 public:
  explicit PackedTable(std::size_t capacity_pow2 = 1u << 16) : keys_(capacity_pow2, 0), values_(capacity_pow2, 0) {}
  // Inserts if absent; returns the stored value.
  std::uint32_t emplace(std::uint64_t key, std::uint32_t value);
  const std::uint32_t* find(std::uint64_t key) const noexcept {
    if (key == 0) return nullptr;
    const std::size_t mask = keys_.size() - 1;
    for (std::size_t s = slot(key, mask);; s = (s + 1) & mask) {
      if (keys_[s] == key) return &values_[s];
      if (keys_[s] == 0) return nullptr;
    }
  }
  bool contains(std::uint64_t key) const noexcept { return find(key) != nullptr; }

 private:
  // Every bit of the key reaches the slot bits: packed words of few letters have their
  // low 40 bits zero, which a plain multiply leaves in the low bits of the product and
  // so piles short words into a few slots.
  static std::size_t slot(std::uint64_t key, std::size_t mask) noexcept {
    key = (key ^ (key >> 30)) * 0xBF58476D1CE4E5B9ULL;
    key = (key ^ (key >> 27)) * 0x94D049BB133111EBULL;
    return static_cast<std::size_t>(key ^ (key >> 31)) & mask;
  }
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> values_;
  std::size_t size_ = 0;
};

class WordIndex {
 public:
  WordIndex();  // throws cc::Error{kInternal} if an embedded list is malformed
  static const WordIndex& get();

  const WordHit* find_ascii(std::uint64_t packed) const noexcept;
  const WordHit* find_other(std::string_view folded) const noexcept;
  // find_other() for one character U+4E00..U+9FFF given as its code point (inline: the
  // hottest lookup on Chinese text).
  const WordHit* find_common_han(char32_t cp) const noexcept {
    if (cp < kHanFirst || cp > kHanLast) return nullptr;
    const std::uint32_t at = han_hits_[cp - kHanFirst];
    return at == kNoHit ? nullptr : &hits_[at];
  }

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
  static char32_t single_han(std::string_view s) noexcept;

  std::array<std::vector<std::string_view>, kListCount> words_;
  std::vector<WordHit> hits_;
  PackedTable ascii_{1u << 15};  // about 12,200 ASCII words: small enough to stay in cache
  // Words that are not ASCII (CJK, kana, Hangul jamo), keyed by a hash of their bytes;
  // each hit keeps its word so that a lookup is exact.
  PackedTable other_{1u << 15};
  std::vector<std::string> other_words_;  // by hit index; empty for ASCII hits
  // Single common Han characters (U+4E00..U+9FFF, what the Chinese lists are made of),
  // looked up directly by code point: the guard's hottest lookup on Chinese text.
  static constexpr char32_t kHanFirst = 0x4E00;
  static constexpr char32_t kHanLast = 0x9FFF;
  static constexpr std::uint32_t kNoHit = 0xFFFFFFFF;
  std::vector<std::uint32_t> han_hits_ = std::vector<std::uint32_t>(kHanLast - kHanFirst + 1, kNoHit);
  PackedTable english_prefix4_{1u << 13};
  PackedTable english_deleted_{1u << 15};     // a word with one letter taken out
  PackedTable english_deleted_at_{1u << 15};  // the same, keyed with the position
  PackedTable english_words_{1u << 13};
};

}  // namespace cc::guard
