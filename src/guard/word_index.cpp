#include "guard/word_index.hpp"

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

}  // namespace

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
    english_words_.insert(pack_letters(s));
    if (s.size() > 4) english_prefix4_.insert(pack_letters(s.substr(0, 4)));
    for (std::size_t i = 0; i < s.size(); ++i) {
      const std::uint64_t d = pack_letters(deleted_at(s, i));
      english_deleted_.insert(d);
      english_deleted_at_.insert(with_tag(d, i));
    }
  }
}

void WordIndex::add(ListId id, const std::string& folded, std::size_t i) {
  if (folded.empty()) corrupt(kSources[list_index(id)].file, "empty word at " + std::to_string(i));
  const std::uint64_t packed = pack_letters(folded);
  std::uint32_t* slot = nullptr;
  if (packed != 0) {
    slot = &ascii_.try_emplace(packed, static_cast<std::uint32_t>(hits_.size())).first->second;
  } else {
    slot = &other_.try_emplace(folded, static_cast<std::uint32_t>(hits_.size())).first->second;
  }
  if (*slot == hits_.size()) hits_.emplace_back();
  WordHit& hit = hits_[*slot];
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
  if (packed == 0) return nullptr;
  const auto it = ascii_.find(packed);
  return it == ascii_.end() ? nullptr : &hits_[it->second];
}

const WordHit* WordIndex::find_other(std::string_view folded) const {
  const auto it = other_.find(std::string(folded));
  return it == other_.end() ? nullptr : &hits_[it->second];
}

bool WordIndex::english_abbreviation(std::uint64_t packed) const noexcept {
  return english_prefix4_.contains(packed);
}

bool WordIndex::english_near_miss(std::string_view lower) const {
  if (lower.size() < 4 || lower.size() > kMaxPackedLetters) return false;
  const std::string s(lower);
  if (s.back() == 's' && english_words_.contains(pack_letters(s.substr(0, s.size() - 1)))) return true;
  if (s.ends_with("es") && english_words_.contains(pack_letters(s.substr(0, s.size() - 2)))) return true;
  if (english_deleted_.contains(pack_letters(s))) return true;  // a letter left out
  for (std::size_t i = 0; i < s.size(); ++i) {
    const std::uint64_t d = pack_letters(deleted_at(s, i));
    if (english_words_.contains(d)) return true;                // a letter too many
    if (english_deleted_at_.contains(with_tag(d, i))) return true;  // a letter replaced
  }
  std::string t = s;
  for (std::size_t i = 0; i + 1 < t.size(); ++i) {  // two neighbours swapped
    std::swap(t[i], t[i + 1]);
    if (english_words_.contains(pack_letters(t))) return true;
    std::swap(t[i], t[i + 1]);
  }
  return false;
}

}  // namespace cc::guard
