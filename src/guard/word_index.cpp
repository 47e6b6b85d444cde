#include "guard/word_index.hpp"

#include <algorithm>
#include <array>
#include <span>

#include "core/embedded_file.hpp"
#include "core/error.hpp"
#include "guard/normalize.hpp"

namespace cc::guard {

namespace detail {
// data/<group>/*.txt after check_wordlist.cmake passed (src/guard/CMakeLists.txt).
std::span<const EmbeddedFile> embedded_wordlists() noexcept;
std::span<const EmbeddedFile> embedded_slip39() noexcept;
std::span<const EmbeddedFile> embedded_electrum() noexcept;
std::span<const EmbeddedFile> embedded_monero() noexcept;
}  // namespace detail

namespace {

struct Source {
  ListId id;
  std::span<const EmbeddedFile> (*group)() noexcept;
  std::string_view file;
  std::size_t count;
};
constexpr Source kSources[] = {
    {ListId::kEnglish, detail::embedded_wordlists, "english.txt", 2048},
    {ListId::kSpanish, detail::embedded_wordlists, "spanish.txt", 2048},
    {ListId::kFrench, detail::embedded_wordlists, "french.txt", 2048},
    {ListId::kItalian, detail::embedded_wordlists, "italian.txt", 2048},
    {ListId::kCzech, detail::embedded_wordlists, "czech.txt", 2048},
    {ListId::kPortuguese, detail::embedded_wordlists, "portuguese.txt", 2048},
    {ListId::kJapanese, detail::embedded_wordlists, "japanese.txt", 2048},
    {ListId::kKorean, detail::embedded_wordlists, "korean.txt", 2048},
    {ListId::kChineseSimplified, detail::embedded_wordlists, "chinese_simplified.txt", 2048},
    {ListId::kChineseTraditional, detail::embedded_wordlists, "chinese_traditional.txt", 2048},
    {ListId::kSlip39, detail::embedded_slip39, "english.txt", 1024},
    {ListId::kElectrumOld, detail::embedded_electrum, "old_english.txt", 1626},
    {ListId::kMonero, detail::embedded_monero, "english.txt", 1626},
};
static_assert(std::size(kSources) == kListCount);

[[noreturn]] void corrupt(std::string_view file, const std::string& why) {
  throw Error(ErrorCode::kInternal, "embedded word list " + std::string(file) + " is invalid: " + why);
}

// Lines of a list file: a UTF-8 byte order mark, '\r' and a missing last newline are allowed.
std::vector<std::string_view> lines_of(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<std::string_view> out;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (!line.empty()) out.push_back(line);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  }
  return out;
}

std::uint64_t with_tag(std::uint64_t packed, std::size_t pos) noexcept {
  return packed | (static_cast<std::uint64_t>(pos + 1) << 60);
}

std::string deleted_at(std::string_view s, std::size_t i) {
  std::string out(s.substr(0, i));
  out += s.substr(i + 1);
  return out;
}

// FNV-1a over the bytes, never 0 (0 marks an empty slot).
std::uint64_t hash_bytes(std::string_view s) noexcept {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h == 0 ? 1 : h;
}

}  // namespace

// The code point of a text that is one character in U+4E00..U+9FFF, else 0.
char32_t WordIndex::single_han(std::string_view s) noexcept {
  if (s.size() != 3) return 0;
  const auto b0 = static_cast<unsigned char>(s[0]);
  const auto b1 = static_cast<unsigned char>(s[1]);
  const auto b2 = static_cast<unsigned char>(s[2]);
  if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return 0;
  const char32_t cp = (char32_t{b0 & 0x0Fu} << 12) | (char32_t{b1 & 0x3Fu} << 6) | (b2 & 0x3Fu);
  return cp >= kHanFirst && cp <= kHanLast ? cp : 0;
}

std::uint32_t PackedTable::emplace(std::uint64_t key, std::uint32_t value) {
  if (2 * (size_ + 1) > keys_.size()) throw Error(ErrorCode::kInternal, "word table too small");
  const std::size_t mask = keys_.size() - 1;
  for (std::size_t s = slot(key, mask);; s = (s + 1) & mask) {
    if (keys_[s] == key) return values_[s];
    if (keys_[s] == 0) {
      keys_[s] = key;
      values_[s] = value;
      ++size_;
      return value;
    }
  }
}

std::uint64_t pack_letters(std::string_view lower) noexcept {
  if (lower.empty() || lower.size() > kMaxPackedLetters) return 0;
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    const char c = lower[i];
    if (c < 'a' || c > 'z') return 0;
    key |= static_cast<std::uint64_t>(c - 'a' + 1) << (5 * (kMaxPackedLetters - 1 - i));
  }
  return key;
}

WordIndex::WordIndex() {
  for (const Source& src : kSources) {
    std::string_view bytes;
    for (const EmbeddedFile& f : src.group()) {
      if (f.name == src.file) bytes = f.bytes;
    }
    auto& words = words_[list_index(src.id)];
    words = lines_of(bytes);
    if (words.size() != src.count) {
      corrupt(src.file, std::to_string(words.size()) + " words, expected " + std::to_string(src.count));
    }
    for (std::size_t i = 0; i < words.size(); ++i) add(src.id, fold_word(words[i]), i);
  }
  for (const std::string_view w : words_[list_index(ListId::kEnglish)]) {
    const std::string s(w);
    english_words_.emplace(pack_letters(s), 1);
    if (s.size() > 4) english_prefix4_.emplace(pack_letters(s.substr(0, 4)), 1);
    for (std::size_t i = 0; i < s.size(); ++i) {
      const std::uint64_t d = pack_letters(deleted_at(s, i));
      english_deleted_.emplace(d, 1);
      english_deleted_at_.emplace(with_tag(d, i), 1);
    }
  }
}

void WordIndex::add(ListId id, const std::string& folded, std::size_t i) {
  if (folded.empty()) corrupt(kSources[list_index(id)].file, "empty word at " + std::to_string(i));
  const std::uint64_t packed = pack_letters(folded);
  std::uint32_t at = 0;
  if (packed != 0) {
    at = ascii_.emplace(packed, static_cast<std::uint32_t>(hits_.size()));
  } else {
    at = other_.emplace(hash_bytes(folded), static_cast<std::uint32_t>(hits_.size()));
    if (at < hits_.size() && other_words_[at] != folded) corrupt(kSources[list_index(id)].file, "word hash collision");
  }
  if (at == hits_.size()) {
    hits_.emplace_back();
    other_words_.emplace_back(packed != 0 ? std::string() : folded);
    if (const char32_t cp = single_han(folded); cp != 0) han_hits_[cp - kHanFirst] = at;
  }
  WordHit& hit = hits_[at];
  if ((hit.lists & list_bit(id)) == 0) {  // folding may merge two words; keep the first
    hit.lists = static_cast<std::uint16_t>(hit.lists | list_bit(id));
    hit.index[list_index(id)] = static_cast<std::uint16_t>(i);
  }
}

const WordIndex& WordIndex::get() {
  static const WordIndex index;
  return index;
}

const WordHit* WordIndex::find_ascii(std::uint64_t packed) const noexcept {
  const std::uint32_t* at = ascii_.find(packed);
  return at == nullptr ? nullptr : &hits_[*at];
}

const WordHit* WordIndex::find_other(std::string_view folded) const noexcept {
  if (folded.empty()) return nullptr;
  if (const char32_t cp = single_han(folded); cp != 0) {
    const std::uint32_t at = han_hits_[cp - kHanFirst];
    return at == kNoHit ? nullptr : &hits_[at];
  }
  const std::uint32_t* at = other_.find(hash_bytes(folded));
  if (at == nullptr || other_words_[*at] != folded) return nullptr;
  return &hits_[*at];
}

bool WordIndex::english_abbreviation(std::uint64_t packed) const noexcept { return english_prefix4_.contains(packed); }

bool WordIndex::english_near_miss(std::string_view lower) const {
  const std::size_t n = lower.size();
  if (n < 4 || n > kMaxPackedLetters) return false;
  std::array<char, kMaxPackedLetters> buf{};
  auto packed_without = [&](std::size_t i) {  // the token with letter i taken out
    std::size_t k = 0;
    for (std::size_t j = 0; j < n; ++j) {
      if (j != i) buf[k++] = lower[j];
    }
    return pack_letters(std::string_view(buf.data(), k));
  };
  if (lower.back() == 's' && english_words_.contains(pack_letters(lower.substr(0, n - 1)))) return true;
  if (lower.ends_with("es") && english_words_.contains(pack_letters(lower.substr(0, n - 2)))) return true;
  if (english_deleted_.contains(pack_letters(lower))) return true;  // a letter left out
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t d = packed_without(i);
    if (english_words_.contains(d)) return true;                    // a letter too many
    if (english_deleted_at_.contains(with_tag(d, i))) return true;  // a letter replaced
  }
  std::copy(lower.begin(), lower.end(), buf.begin());
  for (std::size_t i = 0; i + 1 < n; ++i) {  // two neighbours swapped
    std::swap(buf[i], buf[i + 1]);
    if (english_words_.contains(pack_letters(std::string_view(buf.data(), n)))) return true;
    std::swap(buf[i], buf[i + 1]);
  }
  return false;
}

}  // namespace cc::guard
