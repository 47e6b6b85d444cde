// Runs of words from the guard's lists. Tokens are letter runs after normalize();
// digits and punctuation only separate them, so "1. abandon 2) ability", one word per
// line, JSON arrays, HTML lists and "abandon, ability" are all runs. Labels ("a)",
// "w1=", "1st", "第1个", "单词1") and HTML tags are skipped; a token that is not a word
// of a list ends that list's run. Each list keeps its own run, so prose made of words
// from several lists does not add up.
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <span>
#include <string>

#include "guard/detect.hpp"
#include "guard/normalize.hpp"
#include "guard/word_index.hpp"
#include "guard/zh_common_words.hpp"

namespace cc::guard {
namespace {

// Mean log-rank of a window of random words is about ln(N) - 1 (6.6 for 2048 words, 6.4
// for 1626) with a standard deviation near 0.29 over 12 words; prose sits far below.
constexpr float kHanRankThreshold = 5.5f;
constexpr float kElectrumOldRankThreshold = 5.4f;

constexpr std::array<ListId, 9> kLatinLists = {ListId::kEnglish, ListId::kSpanish,     ListId::kFrench,
                                               ListId::kItalian, ListId::kCzech,       ListId::kPortuguese,
                                               ListId::kSlip39,  ListId::kElectrumOld, ListId::kMonero};
constexpr std::array<ListId, 2> kNativeLists = {ListId::kJapanese, ListId::kKorean};
constexpr std::array<ListId, 2> kHanLists = {ListId::kChineseSimplified, ListId::kChineseTraditional};
constexpr std::uint16_t kNoIndex = 0xFFFF;

bool is_ascii_letter(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// ASCII letter, digit or neither, by table: the identifier scan asks it of every byte.
constexpr unsigned char kNotAlnum = 0, kLetter = 1, kDigit = 2;
constexpr std::array<unsigned char, 256> kAsciiClass = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = kLetter;
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = kDigit;
  return t;
}();
unsigned char ascii_class(char c) noexcept { return kAsciiClass[static_cast<unsigned char>(c)]; }
char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

const std::array<float, 2048>& log_ranks() {
  static const std::array<float, 2048> table = [] {
    std::array<float, 2048> t{};
    for (std::size_t i = 0; i < t.size(); ++i) t[i] = std::log(static_cast<float>(i + 1));
    return t;
  }();
  return table;
}

// The run of one list: how many words in a row, and the last few indices (for checksum
// and rank tests over the words themselves).
struct ListRun {
  static constexpr std::size_t kKeep = 64;  // at least 33 (SLIP-39); a power of two, so % is a mask
  std::size_t exact = 0;
  std::size_t pushed = 0;
  std::size_t last_common_pair = 0;  // `pushed` when the last common two-character word ended
  // Where recent groups of Han characters written together began (values of `pushed`).
  std::size_t marker_end = 0;  // `pushed` just after 助记/种子/恢复 written in a group, or 0
  // Not cleared up front (a scan of a short field would spend more on clearing than on
  // the text): only entries below `groups` / `pushed` are ever read.
  std::array<std::size_t, 32> group_starts;
  std::size_t groups = 0;
  void group_start() noexcept { group_starts[groups++ % group_starts.size()] = pushed; }
  bool starts_group(std::size_t at) const noexcept {
    const std::size_t n = std::min(groups, group_starts.size());
    for (std::size_t k = 0; k < n; ++k) {
      if (group_starts[(groups - 1 - k) % group_starts.size()] == at) return true;
    }
    return false;
  }
  std::array<std::uint16_t, kKeep> recent;

  void push(std::uint16_t index) noexcept {
    ++exact;
    recent[pushed++ % kKeep] = index;
  }
  void reset() noexcept {
    exact = 0;
    groups = 0;
  }
  // The k-th of the last n indices, oldest first (n <= exact, n <= kKeep).
  std::uint16_t last(std::size_t n, std::size_t k) const noexcept { return recent[(pushed - n + k) % kKeep]; }
  float mean_log_rank(std::size_t n) const noexcept {
    const auto& logs = log_ranks();
    float sum = 0;
    for (std::size_t k = 0; k < n; ++k) {
      const std::uint16_t r = last(n, k);
      if (r == kNoIndex) return 0;
      sum += logs[std::min<std::size_t>(r, logs.size() - 1)];
    }
    return sum / static_cast<float>(n);
  }
  ~ListRun() { OPENSSL_cleanse(recent.data(), std::min(pushed, kKeep) * sizeof(recent[0])); }  // what was written
};

class Scanner {
 public:
  Scanner() : index_(WordIndex::get()), common_pairs_(common_zh_pairs()) {}

  void finish() { finish_english_run(); }

  MnemonicScan result() const {
    MnemonicScan r = result_;
    // Most specific kind first: an Electrum or SLIP-39 phrase also reads as list words.
    for (PhraseKind k : {PhraseKind::kElectrum, PhraseKind::kSlip39, PhraseKind::kMonero, PhraseKind::kBip39}) {
      if (found_[static_cast<std::size_t>(k)]) {
        r.kind = k;
        break;
      }
    }
    return r;
  }

  // A token of ASCII letters (already lower case); `foreign` if it held other letters.
  const WordHit* lookup(std::uint64_t packed) const noexcept { return index_.find_ascii(packed); }

  // `packed` is pack_letters(lower_token) and `hit` lookup(packed), or null for a
  // foreign token.
  void latin(std::string_view lower_token, std::uint64_t packed_token, bool foreign, const WordHit* hit) {
    latin_or_native_open_ = true;
    const std::uint64_t packed = foreign ? 0 : packed_token;
    const std::uint16_t hit_lists = hit != nullptr ? hit->lists : 0;
    // Most tokens of prose are in no list and most runs are already empty: only the
    // lists that hold the token or have a run open are touched.
    for (unsigned m = (hit_lists | open_runs_) & kLatinMask; m != 0; m &= m - 1) {
      const auto id = static_cast<ListId>(std::countr_zero(m));
      if ((hit_lists & list_bit(id)) != 0) {
        word(id, hit->index[list_index(id)]);
      } else {
        reset(id);
      }
    }
    break_native();
    break_han();
    english_extras(lower_token, packed, hit != nullptr && (hit->lists & list_bit(ListId::kEnglish)) != 0);
  }

  bool is_word_somewhere(std::string_view lower_token) const {
    return index_.find_ascii(pack_letters(lower_token)) != nullptr;
  }

  // Letters spelled one by one that split into `words` English words.
  void spelled_english(std::size_t words) {
    latin_or_native_open_ = true;
    for (const ListId id : kLatinLists) reset(id);
    break_native();
    break_han();
    for (std::size_t i = 0; i < words; ++i) {
      word(ListId::kEnglish, kNoIndex);
      ++abbr_run_;
      ++fuzzy_run_;
      check_english_extras();
    }
  }

  void breaks() {
    // A list whose run is empty has nothing to end: only the open ones are touched.
    for (unsigned m = open_runs_; m != 0; m &= m - 1) reset(static_cast<ListId>(std::countr_zero(m)));
    spaced_.fill(0);
    abbr_run_ = abbr_count_ = fuzzy_run_ = fuzzy_count_ = 0;
    latin_or_native_open_ = false;
  }

  // A kana or Hangul word.
  void native(std::string_view folded) {
    const WordHit* hit = index_.find_other(folded);
    latin_or_native_open_ = true;
    for (const ListId id : kLatinLists) reset(id);
    abbr_run_ = abbr_count_ = fuzzy_run_ = fuzzy_count_ = 0;
    for (const ListId id : kNativeLists) {
      if (hit != nullptr && (hit->lists & list_bit(id)) != 0) {
        word(id, hit->index[list_index(id)]);
      } else {
        reset(id);
      }
    }
    break_han();
  }

  // Han characters written together (no separator between them).
  void han_group(std::span<const std::string_view> chars, bool digit_before, bool digit_after) {
    constexpr std::size_t kMaxChars = 64;
    if (chars.size() > kMaxChars) {  // the tokenizer never hands over more; split if it did
      han_group(chars.first(kMaxChars), digit_before, false);
      han_group(chars.subspan(kMaxChars), false, digit_after);
      return;
    }
    if ((digit_before || digit_after) && is_label(chars)) return;
    break_latin_and_native();
    // What does not depend on the list is worked out once per character (the tokenizer
    // hands over at most 64 at a time): the lookup, the common-word pair with the
    // character before, and a phrase marker (助记/种子/恢复) ending here. The scratch
    // arrays live in the scanner: zeroing them per group cost a fifth of the scan.
    std::array<const WordHit*, kMaxChars>& hits = han_hits_;
    std::array<bool, kMaxChars>& common_pair = han_common_pair_;
    std::array<bool, kMaxChars>& marker_ends = han_marker_ends_;
    const std::size_t n = chars.size();
    han_hits_used_ = std::max(han_hits_used_, n);
    std::uint32_t previous = 0;
    for (std::size_t k = 0; k < n; ++k) {
      const char32_t cp = common_han_at(chars[k], 0);
      hits[k] = cp != 0 ? index_.find_common_han(cp) : index_.find_other(chars[k]);
      const std::uint32_t code = han_code(chars[k]);
      common_pair[k] = false;
      marker_ends[k] = false;
      if (k > 0 && previous != 0 && code != 0) {
        // Only a pair of list characters can matter (the run holds the one before).
        if (hits[k] != nullptr && hits[k - 1] != nullptr) {
          common_pair[k] = common_pairs_.contains((std::uint64_t{previous} << 24) | code);
        }
        marker_ends[k] = is_marker_pair(previous, code);
      }
      previous = code;
    }
    for (std::size_t z = 0; z < kHanLists.size(); ++z) {
      const ListId id = kHanLists[z];
      const std::uint16_t bit = list_bit(id);
      const std::size_t li = list_index(id);
      ListRun& r = run(id);
      for (std::size_t k = 0; k < n; ++k) {
        const WordHit* hit = hits[k];
        if (hit != nullptr && (hit->lists & bit) != 0) {
          if (k == 0) r.group_start();
          if (k > 0 && r.exact > 0 && common_pair[k]) r.last_common_pair = r.pushed + 1;
          r.push(hit->index[li]);  // Chinese runs fire per group (below), not per word
        } else {
          result_.longest_run = std::max(result_.longest_run, r.exact);
          r.reset();
        }
        if (marker_ends[k]) r.marker_end = r.pushed;
      }
      open_runs_ = static_cast<std::uint16_t>(r.exact > 0 ? open_runs_ | bit : open_runs_ & ~bit);
      result_.longest_run = std::max(result_.longest_run, r.exact);
      if (together_phrase(id)) fire(PhraseKind::kBip39, run(id).exact);
      const bool single_word = chars.size() == 1 && run(id).exact > 0;
      spaced_[z] = single_word ? spaced_[z] + 1 : 0;
      if (spaced_[z] >= kMnemonicMinWords) fire(PhraseKind::kBip39, spaced_[z]);
    }
  }

 private:
  ListRun& run(ListId id) noexcept { return runs_[list_index(id)]; }

  void reset(ListId id) {
    if (id == ListId::kEnglish) finish_english_run();
    run(id).reset();
    open_runs_ = static_cast<std::uint16_t>(open_runs_ & ~list_bit(id));
  }

  // An Electrum seed is a whole run of 12, 13 or 24 English words, not a stretch of a
  // longer one: decided when the run ends.
  void finish_english_run() {
    const ListRun& r = run(ListId::kEnglish);
    // A run that is a valid BIP39 phrase is reported as one: an Electrum seed passes the
    // BIP39 checksum far less often than a BIP39 phrase passes Electrum's version test.
    if ((r.exact == 12 || r.exact == 13 || r.exact == 24) && !bip39_checksum_valid(r, r.exact) &&
        electrum_version(r, r.exact)) {
      fire(PhraseKind::kElectrum, r.exact);
    }
  }

  void break_native() {
    for (const ListId id : kNativeLists) reset(id);
  }
  // Chinese text is one Han group after another: the Latin and kana/Hangul runs are
  // ended once, when the first group follows them, not again on every group.
  void break_latin_and_native() {
    if (!latin_or_native_open_) return;
    for (const ListId id : kLatinLists) reset(id);
    abbr_run_ = abbr_count_ = fuzzy_run_ = fuzzy_count_ = 0;
    break_native();
    latin_or_native_open_ = false;
  }
  void break_han() {
    for (const ListId id : kHanLists) reset(id);
    spaced_.fill(0);
  }

  // Han characters written together are a phrase only when a whole stretch of groups
  // (or the end of a group after 助记词/种子/恢复) holds 12-24 list characters with a
  // valid BIP39 checksum, a mean log-rank of random ones and no common two-character
  // word: technical Chinese prose passes the rank test alone now and then.
  bool together_phrase(ListId id) const {
    const ListRun& r = runs_[list_index(id)];
    for (const std::size_t n : {std::size_t{12}, std::size_t{15}, std::size_t{18}, std::size_t{21}, std::size_t{24}}) {
      if (r.exact < n) break;
      const std::size_t start = r.pushed - n;
      // Cheapest and most selective first: prose nearly always holds a common word.
      if (r.last_common_pair >= start + 2) continue;
      // "我的助记词是" glued to the phrase: the window may start up to three characters
      // after the marker.
      const bool after_marker = r.marker_end != 0 && start >= r.marker_end && start <= r.marker_end + 3;
      if (!after_marker && !r.starts_group(start)) continue;
      if (r.mean_log_rank(n) < kHanRankThreshold) continue;
      if (bip39_checksum_valid(r, n)) return true;
    }
    return false;
  }

  // A three-byte UTF-8 character as one number (0 for any other length).
  static constexpr std::uint32_t han_code(std::string_view c) noexcept {
    if (c.size() != 3) return 0;
    return (std::uint32_t{static_cast<unsigned char>(c[0])} << 16) |
           (std::uint32_t{static_cast<unsigned char>(c[1])} << 8) | static_cast<unsigned char>(c[2]);
  }

  // 助记, 种子 or 恢复 (either script) written as these two characters.
  static bool is_marker_pair(std::uint32_t first, std::uint32_t second) noexcept {
    static constexpr std::array<std::pair<std::uint32_t, std::uint32_t>, 6> kMarkers = {{
        {han_code("助"), han_code("记")},
        {han_code("助"), han_code("記")},
        {han_code("种"), han_code("子")},
        {han_code("種"), han_code("子")},
        {han_code("恢"), han_code("复")},
        {han_code("恢"), han_code("復")},
    }};
    // Almost no character starts a marker: one test rejects the rest.
    if (first != kMarkers[0].first && first != kMarkers[2].first && first != kMarkers[3].first &&
        first != kMarkers[4].first) {
      return false;
    }
    for (const auto& [a, b] : kMarkers) {
      if (first == a && second == b) return true;
    }
    return false;
  }

  static bool is_label(std::span<const std::string_view> chars) {
    static constexpr std::string_view kLabelChars[] = {"第", "个", "個", "位", "号", "號",
                                                       "词", "詞", "字", "单", "單"};
    for (const std::string_view c : chars) {
      if (std::find(std::begin(kLabelChars), std::end(kLabelChars), c) == std::end(kLabelChars)) return false;
    }
    return true;
  }

  void fire(PhraseKind kind, std::size_t length) {
    found_[static_cast<std::size_t>(kind)] = true;
    result_.fired_run = std::max(result_.fired_run, length);
  }

  void word(ListId id, std::uint16_t index) {
    ListRun& r = run(id);
    r.push(index);
    open_runs_ = static_cast<std::uint16_t>(open_runs_ | list_bit(id));
    result_.longest_run = std::max(result_.longest_run, r.exact);
    switch (id) {
      case ListId::kSlip39:
        if (r.exact >= kSlip39MinWords) fire(PhraseKind::kSlip39, r.exact);
        break;
      case ListId::kMonero:
        if (r.exact >= kMoneroMinWords) fire(PhraseKind::kMonero, r.exact);
        break;
      case ListId::kElectrumOld:
        if (r.exact >= kRankWindow && r.mean_log_rank(kRankWindow) >= kElectrumOldRankThreshold) {
          fire(PhraseKind::kElectrum, r.exact);
        }
        break;
      case ListId::kChineseSimplified:
      case ListId::kChineseTraditional: break;  // decided per group (han_group): characters written together need more
      case ListId::kEnglish:
        if (r.exact >= kMnemonicMinWords) fire(PhraseKind::kBip39, r.exact);
        break;
      default:
        if (r.exact >= kMnemonicMinWords) fire(PhraseKind::kBip39, r.exact);
        break;
    }
  }

  // BIP39: the last ENT/32 bits of the 11-bit indices are the first bits of SHA-256(entropy).
  static bool bip39_checksum_valid(const ListRun& r, std::size_t n) {
    if (n % 3 != 0 || n < 12 || n > 24) return false;
    std::array<unsigned char, 33> bits{};
    for (std::size_t k = 0; k < n; ++k) {
      const std::uint16_t v = r.last(n, k);
      if (v == kNoIndex) return false;
      for (std::size_t b = 0; b < 11; ++b) {
        if ((v >> (10 - b)) & 1u) {
          const std::size_t bit = k * 11 + b;
          bits[bit / 8] = static_cast<unsigned char>(bits[bit / 8] | (0x80u >> (bit % 8)));
        }
      }
    }
    const std::size_t ent_bytes = n * 11 * 32 / 33 / 8;
    const std::size_t cs_bits = n * 11 - ent_bytes * 8;
    std::array<unsigned char, 32> hash{};
    SHA256(bits.data(), ent_bytes, hash.data());
    const unsigned mask = (0xFFu << (8 - cs_bits)) & 0xFFu;
    const bool ok = (hash[0] & mask) == (bits[ent_bytes] & mask);
    OPENSSL_cleanse(bits.data(), bits.size());
    OPENSSL_cleanse(hash.data(), hash.size());
    return ok;
  }

  // Electrum 2+ seeds are English list words whose HMAC-SHA512 keyed "Seed version"
  // starts with a version prefix: 01 standard, 100 segwit, 101/102 two-factor.
  bool electrum_version(const ListRun& r, std::size_t n) const {
    std::string phrase;
    for (std::size_t k = 0; k < n; ++k) {
      const std::uint16_t i = r.last(n, k);
      if (i == kNoIndex) {
        OPENSSL_cleanse(phrase.data(), phrase.size());
        return false;
      }
      if (k > 0) phrase.push_back(' ');
      phrase += index_.word(ListId::kEnglish, i);
    }
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    unsigned int len = 0;
    constexpr std::string_view kKey = "Seed version";
    const bool ok =
        HMAC(EVP_sha512(), kKey.data(), static_cast<int>(kKey.size()),
             reinterpret_cast<const unsigned char*>(phrase.data()), phrase.size(), mac.data(), &len) != nullptr;
    const bool versioned = ok && (mac[0] == 0x01 || (mac[0] == 0x10 && (mac[1] >> 4) <= 2));
    OPENSSL_cleanse(phrase.data(), phrase.size());
    OPENSSL_cleanse(mac.data(), mac.size());
    return versioned;
  }

  // English only: four-letter abbreviations and near misses (typos, plurals) extend a run.
  void english_extras(std::string_view token, std::uint64_t packed, bool exact) {
    if (exact) {
      ++abbr_run_;
      ++fuzzy_run_;
    } else if (token.size() == 4 && index_.english_abbreviation(packed)) {
      ++abbr_run_;
      ++abbr_count_;
      ++fuzzy_run_;
      ++fuzzy_count_;
    } else if (packed != 0 && fuzzy_run_ > 0 && near_miss(token, packed)) {
      abbr_run_ = abbr_count_ = 0;
      ++fuzzy_run_;
      ++fuzzy_count_;
    } else {
      abbr_run_ = abbr_count_ = fuzzy_run_ = fuzzy_count_ = 0;
    }
    check_english_extras();
  }
  // english_near_miss() costs a dozen lookups; texts repeat their words, so answers are
  // remembered per scan in a small direct-mapped cache keyed by the packed token.
  bool near_miss(std::string_view token, std::uint64_t packed) {
    const std::size_t slot = static_cast<std::size_t>((packed * 0x9E3779B97F4A7C15ULL) >> 54);
    std::uint64_t& used = near_miss_used_[slot / 64];
    const std::uint64_t bit = std::uint64_t{1} << (slot % 64);
    if ((used & bit) != 0 && near_miss_keys_[slot] == packed) return near_miss_values_[slot];
    const bool v = index_.english_near_miss(token);
    used |= bit;
    near_miss_keys_[slot] = packed;
    near_miss_values_[slot] = v;
    return v;
  }

  void check_english_extras() {
    if (abbr_count_ > 0 && abbr_run_ >= kAbbreviatedMinWords) fire(PhraseKind::kBip39, abbr_run_);
    if (fuzzy_count_ > 0 && fuzzy_run_ >= kFuzzyMinWords && fuzzy_count_ * kFuzzyMaxShare <= fuzzy_run_) {
      fire(PhraseKind::kBip39, fuzzy_run_);
    }
  }

  const WordIndex& index_;
  const PackedTable& common_pairs_;
  std::array<ListRun, kListCount> runs_;  // default-initialised: see ListRun

 public:
  ~Scanner() {
    // Only the slots this scan filled hold anything of the text.
    for (std::size_t w = 0; w < near_miss_used_.size(); ++w) {
      for (std::uint64_t m = near_miss_used_[w]; m != 0; m &= m - 1) {
        OPENSSL_cleanse(&near_miss_keys_[w * 64 + static_cast<std::size_t>(std::countr_zero(m))],
                        sizeof(near_miss_keys_[0]));
      }
    }
    OPENSSL_cleanse(han_hits_.data(), han_hits_used_ * sizeof(han_hits_[0]));  // which characters were seen
  }
  Scanner(const Scanner&) = delete;
  Scanner& operator=(const Scanner&) = delete;

 private:
  std::array<std::size_t, kHanLists.size()> spaced_{};
  std::size_t abbr_run_ = 0, abbr_count_ = 0, fuzzy_run_ = 0, fuzzy_count_ = 0;
  // Only slots marked in near_miss_used_ are valid: 128 bytes are cleared per scan, not 9 KB.
  std::array<std::uint64_t, 1024> near_miss_keys_;
  std::array<bool, 1024> near_miss_values_;
  std::array<std::uint64_t, 1024 / 64> near_miss_used_{};
  std::array<bool, 5> found_{};
  MnemonicScan result_;
  // Scratch of han_group(), written before it is read; han_hits_used_ entries were used.
  std::array<const WordHit*, 64> han_hits_;
  std::array<bool, 64> han_common_pair_;
  std::array<bool, 64> han_marker_ends_;
  std::size_t han_hits_used_ = 0;
  // Whether a Latin, kana or Hangul run may be open (set by every word that could
  // start one; cleared when they are all ended).
  bool latin_or_native_open_ = true;
  // Lists whose run is open (exact > 0; an empty run has no groups either), kept by
  // word(), reset() and han_group(); a list outside it needs no reset.
  std::uint16_t open_runs_ = 0;
  static constexpr std::uint16_t kLatinMask = [] {
    std::uint16_t m = 0;
    for (const ListId id : kLatinLists) m = static_cast<std::uint16_t>(m | list_bit(id));
    return m;
  }();
};

// Single letters separated by spaces or punctuation (not digits): "a b a n d o n".
class SpelledGroup {
 public:
  static constexpr std::size_t kMaxLetters = 24 * 8;

  bool open() const noexcept { return size_ > 0 || overflow_; }
  void add(char c) noexcept {
    if (size_ < kMaxLetters) {
      letters_[size_++] = c;
    } else {
      overflow_ = true;
    }
  }
  void flush(Scanner& scanner) {
    if (!open()) return;
    const std::size_t words = overflow_ || size_ < 3 ? 0 : segment(scanner);
    if (words == 0) {
      scanner.breaks();
    } else {
      scanner.spelled_english(words);
    }
    OPENSSL_cleanse(letters_.data(), letters_.size());
    size_ = 0;
    overflow_ = false;
  }

 private:
  // Fewest English words that exactly cover the letters, or 0 if they cannot.
  std::size_t segment(const Scanner&) const {
    const WordIndex& index = WordIndex::get();
    constexpr auto kNone = std::numeric_limits<std::size_t>::max();
    std::array<std::size_t, kMaxLetters + 1> best;
    best.fill(kNone);
    best[0] = 0;
    for (std::size_t i = 0; i < size_; ++i) {
      if (best[i] == kNone) continue;
      for (std::size_t len = 3; len <= 8 && i + len <= size_; ++len) {
        const WordHit* hit = index.find_ascii(pack_letters(std::string_view(letters_.data() + i, len)));
        if (hit != nullptr && (hit->lists & list_bit(ListId::kEnglish)) != 0) {
          best[i + len] = std::min(best[i + len], best[i] + 1);
        }
      }
    }
    return best[size_] == kNone ? 0 : best[size_];
  }

  std::array<char, kMaxLetters> letters_{};
  std::size_t size_ = 0;
  bool overflow_ = false;
};

// "<li>", "</td>", "<br/>": skipped whole. Returns the length of the tag at text[i], or 0.
std::size_t html_tag_length(std::string_view text, std::size_t i) {
  std::size_t j = i + 1;
  if (j < text.size() && text[j] == '/') ++j;
  if (j >= text.size() || !is_ascii_letter(text[j])) return 0;
  const std::size_t end = text.find('>', j);
  if (end == std::string_view::npos || end - i > 80) return 0;
  if (text.substr(i + 1, end - i - 1).find('<') != std::string_view::npos) return 0;
  return end - i + 1;
}

// "&nbsp;", "&#160;", "&#x3000;".
std::size_t html_entity_length(std::string_view text, std::size_t i) {
  std::size_t j = i + 1;
  if (j < text.size() && text[j] == '#') ++j;
  const std::size_t start = j;
  while (j < text.size() && j - start < 8 && (is_ascii_letter(text[j]) || is_digit(text[j]))) ++j;
  if (j == start || j >= text.size() || text[j] != ';') return 0;
  return j - i + 1;
}

bool is_label_suffix(std::string_view t) { return t == "st" || t == "nd" || t == "rd" || t == "th"; }

// A token's letters, lower case, in a fixed buffer (no allocation per token): one more
// than a packed word holds, so a longer token is known to be too long. Wiped when done.
class Letters {
 public:
  static constexpr std::size_t kCapacity = kMaxPackedLetters + 1;
  Letters() = default;
  Letters(const Letters&) = delete;
  Letters& operator=(const Letters&) = delete;
  ~Letters() { OPENSSL_cleanse(buf_.data(), buf_.size()); }

  // `c` is a lower-case ASCII letter; the packed form (pack_letters) grows with it.
  void push_back(char c) noexcept {
    if (n_ < kMaxPackedLetters)
      packed_ |= static_cast<std::uint64_t>(c - 'a' + 1) << (5 * (kMaxPackedLetters - 1 - n_));
    if (n_ < kCapacity) buf_[n_++] = c;
  }
  void append(std::string_view s) noexcept {
    for (const char c : s) push_back(c);
  }
  void assign(std::string_view s) noexcept {
    clear();
    append(s);
  }
  // Empty again; the old letters stay in the buffer until overwritten or wiped.
  void clear() noexcept {
    n_ = 0;
    packed_ = 0;
  }
  // pack_letters(view()): 0 when empty or longer than a packed word.
  std::uint64_t packed() const noexcept { return n_ > kMaxPackedLetters ? 0 : packed_; }
  std::size_t size() const noexcept { return n_; }
  bool empty() const noexcept { return n_ == 0; }
  char operator[](std::size_t i) const noexcept { return buf_[i]; }
  std::string_view view() const noexcept { return {buf_.data(), n_}; }

 private:
  std::array<char, kCapacity> buf_{};
  std::size_t n_ = 0;
  std::uint64_t packed_ = 0;
};

class Tokenizer {
 public:
  Tokenizer(std::string_view text, Scanner& scanner) : text_(text), scanner_(scanner) {}

  void run() {
    const std::size_t n = text_.size();
    while (i_ < n) {
      const char c = text_[i_];
      if (is_ascii_letter(c) || c == kForeignLetter) {
        latin_token();
        continue;
      }
      if (is_digit(c)) {
        digit_since_token_ = true;
        ++i_;
        continue;
      }
      if (static_cast<unsigned char>(c) >= 0x80) {
        if (common_han_at(text_, i_) != 0) {
          han_group();
          continue;
        }
        char32_t cp = 0;
        const std::size_t len = decode_utf8(text_, i_, cp);
        if (len == 0) {
          ++i_;
          continue;
        }
        const Script script = script_of(cp);
        if (script == Script::kHan) {
          han_group();
        } else if (script == Script::kKana || script == Script::kHangul) {
          native_token(script);
        } else {
          latin_token();  // letters of another script: a token that matches no list
        }
        continue;
      }
      // A sentence ends: "?" and "!" never appear inside a phrase, and neither does ". "
      // before a capital letter. Runs do not continue into the next sentence.
      if (c == '?' || c == '!' || sentence_end_at(i_)) {
        spelled_.flush(scanner_);
        scanner_.breaks();
        ++i_;
        continue;
      }
      if (c == '<') {
        if (const std::size_t len = html_tag_length(text_, i_)) {
          i_ += len;
          continue;
        }
      }
      if (c == '&') {
        if (const std::size_t len = html_entity_length(text_, i_)) {
          i_ += len;
          continue;
        }
      }
      ++i_;
    }
    spelled_.flush(scanner_);
  }

 private:
  // Reads letters from i_; joins across an apostrophe between letters and across a
  // hyphen at the end of a line ("aban-\ndon").
  std::size_t read_letters(std::size_t i, Letters& lower_out, bool& foreign) const {
    const std::size_t n = text_.size();
    while (i < n) {
      const char c = text_[i];
      if (is_ascii_letter(c)) {
        lower_out.push_back(lower(c));
        ++i;
        continue;
      }
      if (c == kForeignLetter) {
        foreign = true;
        ++i;
        continue;
      }
      if (static_cast<unsigned char>(c) >= 0x80) {
        char32_t cp = 0;
        const std::size_t len = decode_utf8(text_, i, cp);
        if (len == 0 || script_of(cp) != Script::kOther) break;
        foreign = true;
        i += len;
        continue;
      }
      if (c == '\'' && i + 1 < n && is_ascii_letter(text_[i + 1]) && !lower_out.empty()) {
        ++i;
        continue;
      }
      if (c == '-' && !lower_out.empty()) {
        std::size_t j = i + 1;
        while (j < n && (text_[j] == ' ' || text_[j] == '\r')) ++j;
        if (j < n && text_[j] == '\n') {
          ++j;
          while (j < n && text_[j] == ' ') ++j;
          if (j < n && is_ascii_letter(text_[j])) {
            i = j;
            continue;
          }
        }
      }
      break;
    }
    return i;
  }

  void latin_token() {
    const std::size_t start = i_;
    Letters& token = token_;  // reused: a fresh one per token cost a wipe per token
    token.clear();
    bool foreign = false;
    std::size_t end = read_letters(i_, token, foreign);
    if (end == start) {  // a stray byte
      ++i_;
      return;
    }
    const bool too_long = token.size() > kMaxPackedLetters;
    const bool digit_before = start > 0 && is_digit(text_[start - 1]);
    const bool digit_after = end < text_.size() && is_digit(text_[end]);
    i_ = end;
    // Letters and digits mixed over a longer stretch ("70a9023c3123fb4b", base58) are an
    // identifier, not a label: it ends the runs.
    if (digit_before || digit_after) {
      std::size_t lo = start;
      while (lo > 0 && ascii_class(text_[lo - 1]) != kNotAlnum) --lo;
      // One pass to the end of the identifier, counting its groups of letters. The token
      // itself may hold a joined apostrophe or line break: the pass only stops after it.
      std::size_t hi = lo;
      std::size_t letter_groups = 0;
      bool in_letters = false;
      for (; hi < text_.size(); ++hi) {
        const unsigned char cls = ascii_class(text_[hi]);
        if (cls == kNotAlnum && hi >= end) break;
        const bool letter = cls == kLetter;
        if (letter && !in_letters) ++letter_groups;
        in_letters = letter;
      }
      if (letter_groups >= 2) {
        spelled_.flush(scanner_);
        scanner_.breaks();
        digit_since_token_ = false;
        i_ = hi;
        return;
      }
    }
    // Labels: "w1=", "word12:", "1st", "a)".
    if (!foreign && digit_after && token.size() <= 5) {
      return;
    }
    if (!foreign && digit_before && is_label_suffix(token.view())) {
      return;
    }
    if (!foreign && token.size() == 1 && end < text_.size() &&
        std::string_view(")].:=").find(text_[end]) != std::string_view::npos) {
      return;
    }
    if (token.size() == 1 && !foreign) {
      if (spelled_.open() && digit_since_token_) spelled_.flush(scanner_);
      spelled_.add(token[0]);
      digit_since_token_ = false;
      return;
    }
    spelled_.flush(scanner_);
    digit_since_token_ = false;
    const WordHit* hit = foreign || too_long ? nullptr : scanner_.lookup(token.packed());
    if (hit == nullptr && !foreign && !too_long && join_wrapped(token)) hit = scanner_.lookup(token.packed());
    scanner_.latin(too_long ? std::string_view() : token.view(), too_long ? 0 : token.packed(), foreign || too_long,
                   hit);
  }

  // A word cut by a line break without a hyphen ("aban\ndon"): joined when the two
  // halves are no words but together they are one.
  bool join_wrapped(Letters& token) {
    std::size_t j = i_;
    bool newline = false;
    while (j < text_.size() && (text_[j] == ' ' || text_[j] == '\r' || text_[j] == '\n')) {
      newline = newline || text_[j] == '\n';
      ++j;
    }
    if (!newline || j >= text_.size() || !is_ascii_letter(text_[j])) return false;
    Letters next;
    bool foreign = false;
    const std::size_t end = read_letters(j, next, foreign);
    if (foreign || next.size() > kMaxPackedLetters || scanner_.is_word_somewhere(next.view())) return false;
    Letters joined;
    joined.assign(token.view());
    joined.append(next.view());
    if (joined.size() > kMaxPackedLetters || !scanner_.is_word_somewhere(joined.view())) return false;
    token.assign(joined.view());
    i_ = end;
    return true;
  }

  void native_token(Script script) {
    spelled_.flush(scanner_);
    digit_since_token_ = false;
    std::string token;
    while (i_ < text_.size()) {
      char32_t cp = 0;
      const std::size_t len = static_cast<unsigned char>(text_[i_]) >= 0x80 ? decode_utf8(text_, i_, cp) : 0;
      if (len == 0 || script_of(cp) != script) break;
      token.append(text_.substr(i_, len));
      i_ += len;
    }
    scanner_.native(token);
    wipe(token);
  }

  void han_group() {
    spelled_.flush(scanner_);
    digit_since_token_ = false;
    const bool digit_before = i_ > 0 && is_digit(text_[i_ - 1]);
    std::array<std::string_view, 64>& chars = han_chars_;  // a member: not cleared per group
    std::size_t count = 0;
    while (i_ < text_.size()) {
      std::size_t len = 3;
      if (common_han_at(text_, i_) == 0) {
        char32_t cp = 0;
        len = static_cast<unsigned char>(text_[i_]) >= 0x80 ? decode_utf8(text_, i_, cp) : 0;
        if (len == 0 || script_of(cp) != Script::kHan) break;
      }
      if (count == chars.size()) {  // a long stretch: hand it over in pieces
        scanner_.han_group(std::span(chars.data(), count), false, false);
        count = 0;
      }
      chars[count++] = text_.substr(i_, len);
      i_ += len;
    }
    const bool digit_after = i_ < text_.size() && is_digit(text_[i_]);
    scanner_.han_group(std::span(chars.data(), count), digit_before, digit_after);
  }

  static void wipe(std::string& s) { OPENSSL_cleanse(s.data(), s.size()); }

  // ". " before a capital letter, or a line that ends with '.' or ')' ("(code 24)\n").
  bool sentence_end_at(std::size_t i) const {
    const std::size_t n = text_.size();
    const char c = text_[i];
    if (c == '.' && i > 0 && (is_ascii_letter(text_[i - 1]) || text_[i - 1] == ')') && i + 2 < n &&
        text_[i + 1] == ' ' && text_[i + 2] >= 'A' && text_[i + 2] <= 'Z') {
      return true;
    }
    if (c != '.' && c != ')') return false;
    std::size_t j = i + 1;
    while (j < n && (text_[j] == ' ' || text_[j] == '\r')) ++j;
    return j < n && text_[j] == '\n' && i > 0 && text_[i - 1] != '.';
  }

  std::string_view text_;
  Scanner& scanner_;
  SpelledGroup spelled_;
  std::array<std::string_view, 64> han_chars_;
  Letters token_;  // the Latin token being read; wiped when the scan ends
  std::size_t i_ = 0;
  bool digit_since_token_ = false;
};

}  // namespace

MnemonicScan scan_mnemonic(std::string_view text) {
  Scanner scanner;
  Tokenizer tokenizer(text, scanner);
  tokenizer.run();
  scanner.finish();
  return scanner.result();
}

}  // namespace cc::guard
