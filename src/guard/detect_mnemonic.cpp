// Runs of BIP39 words. Tokens are letter runs (after normalize(), case folded);
// everything else, digits included, only separates them, so "1. abandon 2) ability",
// one word per line and "abandon, ability" are all runs. A letter token that is not a
// list word ends the run. Letters spelled out one by one ("a b a n d o n") are joined
// and split back into list words when that is possible.
#include <algorithm>
#include <array>
#include <limits>

#include "guard/detect.hpp"
#include "guard/normalize.hpp"
#include "guard/wordlist.hpp"

namespace cc::guard {
namespace {

// Byte classes: a lower-case letter for letters, or one of these.
constexpr char kSeparator = 0;
constexpr char kDigit = 1;
constexpr char kForeign = 2;
constexpr std::array<char, 256> make_classes() {
  std::array<char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    char v = kSeparator;
    if (c >= '0' && c <= '9') v = kDigit;
    if (c >= 'a' && c <= 'z') v = static_cast<char>(c);
    if (c >= 'A' && c <= 'Z') v = static_cast<char>(c - 'A' + 'a');
    if (c == static_cast<unsigned char>(kForeignLetter)) v = kForeign;
    t[static_cast<std::size_t>(c)] = v;
  }
  return t;
}
constexpr auto kClasses = make_classes();
char class_of(char c) noexcept { return kClasses[static_cast<unsigned char>(c)]; }
bool is_token_class(char k) noexcept { return k >= kForeign; }

class RunCounter {
 public:
  explicit RunCounter(const WordTable& table) : table_(table) {}

  void token(std::uint64_t key) {
    switch (table_.lookup(key)) {
      case WordMatch::kWord: word(); break;
      case WordMatch::kPrefix4: abbreviation(); break;
      case WordMatch::kNo: breaks(); break;
    }
  }
  void word() {
    ++full_;
    ++abbr_;
    update();
  }
  void abbreviation() {
    full_ = 0;
    ++abbr_;
    ++abbreviations_;
    update();
  }
  void breaks() {
    full_ = 0;
    abbr_ = 0;
    abbreviations_ = 0;
  }
  const MnemonicScan& result() const noexcept { return result_; }
  const WordTable& table() const noexcept { return table_; }

 private:
  void update() {
    result_.longest_run = std::max(result_.longest_run, full_);
    if (full_ >= kMnemonicMinWords) result_.fired_run = std::max(result_.fired_run, full_);
    if (abbreviations_ > 0 && abbr_ >= kAbbreviatedMinWords) {
      result_.fired_run = std::max(result_.fired_run, abbr_);
    }
  }

  const WordTable& table_;
  std::size_t full_ = 0;
  std::size_t abbr_ = 0;
  std::size_t abbreviations_ = 0;
  MnemonicScan result_;
};

// Single letters separated by spaces or punctuation (not digits): "a b a n d o n".
class SpelledGroup {
 public:
  static constexpr std::size_t kMaxLetters = 24 * kBip39MaxWordLength;

  bool open() const noexcept { return size_ > 0 || overflow_; }
  void add(char c) noexcept {
    if (size_ < kMaxLetters) {
      letters_[size_++] = c;
    } else {
      overflow_ = true;
    }
  }
  // Feeds the group to `runs` as list words if the letters split into them exactly.
  void flush(RunCounter& runs) {
    if (!open()) return;
    const std::size_t words = overflow_ || size_ < 3 ? 0 : segment(runs.table());
    if (words == 0) {
      runs.breaks();
    } else {
      for (std::size_t i = 0; i < words; ++i) runs.word();
    }
    size_ = 0;
    overflow_ = false;
  }

 private:
  // Fewest list words that exactly cover the letters, or 0 if they cannot.
  std::size_t segment(const WordTable& table) const {
    constexpr auto kNone = std::numeric_limits<std::size_t>::max();
    std::array<std::size_t, kMaxLetters + 1> best;
    best.fill(kNone);
    best[0] = 0;
    for (std::size_t i = 0; i < size_; ++i) {
      if (best[i] == kNone) continue;
      std::uint64_t key = 0;
      for (std::size_t len = 1; len <= kBip39MaxWordLength && i + len <= size_; ++len) {
        key = pack_letter(key, len - 1, letters_[i + len - 1]);
        if (len >= 3 && table.lookup(key) == WordMatch::kWord) {
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

}  // namespace

MnemonicScan scan_mnemonic(std::string_view text) {
  RunCounter runs(word_table());
  SpelledGroup spelled;
  bool digit_since_token = false;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    char k = class_of(text[i]);
    if (!is_token_class(k)) {
      digit_since_token = digit_since_token || k == kDigit;
      ++i;
      continue;
    }
    std::size_t j = i;
    bool foreign = false;
    std::uint64_t key = 0;
    char first = k;
    for (; j < n && is_token_class(k = class_of(text[j])); ++j) {
      const std::size_t len = j - i;
      if (k == kForeign) {
        foreign = true;
      } else if (len < kBip39MaxWordLength) {
        key = pack_letter(key, len, k);
      }
    }
    const std::size_t len = j - i;
    if (len == 1 && !foreign) {
      if (spelled.open() && digit_since_token) spelled.flush(runs);
      spelled.add(first);
    } else {
      spelled.flush(runs);
      if (foreign || len > kBip39MaxWordLength) {
        runs.breaks();
      } else {
        runs.token(key);
      }
    }
    digit_since_token = false;
    i = j;
  }
  spelled.flush(runs);
  return runs.result();
}

}  // namespace cc::guard
