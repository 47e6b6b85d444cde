// Does the person's own description say someone asked for (or was given) their
// recovery phrase? A heuristic, tuned so that the everyday question "I want to check
// my recovery phrase" does not raise a scam warning while "support asked for my 12
// words" and "客服让我提供助记词" do.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "findings/findings.hpp"

namespace cc::findings {
namespace {

constexpr std::size_t kWordWindow = 6;   // English: words between request and seed term
constexpr std::size_t kByteWindow = 30;  // Chinese: about ten characters in UTF-8

// Verbs whose subject matters: "they asked for my seed" yes, "I asked about my seed" no.
constexpr std::array kAskWords = {"ask",       "asks",       "asked",  "asking",  "request",  "requests",
                                  "requested", "requesting", "demand", "demands", "demanded", "demanding",
                                  "want",      "wants",      "wanted", "need",    "needs",    "needed"};
// Hand-over verbs count whoever does them: "I sent my seed" is as bad as being asked.
constexpr std::array kHandOverWords = {"send",    "sent",     "share", "shared", "give",     "gave",   "given",
                                       "provide", "provided", "told",  "upload", "uploaded", "submit", "submitted"};
constexpr std::array kSeedSingle = {"seed", "seeds", "seedphrase", "mnemonic", "mnemonics"};
constexpr std::array kSeedFirst = {"recovery", "backup", "secret", "private", "12", "18", "24", "twelve", "eighteen"};
constexpr std::array kSeedSecond = {"phrase", "phrases", "words", "word", "seed", "key", "keys", "sheet"};

constexpr std::array kZhSeed = {"助记词", "恢复短语",   "恢复词",       "种子短语",  "种子词",
                                "私钥",   "备份词",     "12个单词",     "24个单词",  "12个词",
                                "24个词", "十二个单词", "二十四个单词", "12 个单词", "24 个单词"};
constexpr std::array kZhRequest = {"要求",     "索要", "索取", "让我",   "叫我",    "要我",   "问我要",
                                   "找我要",   "发给", "发送", "提供",   "分享",    "告诉他", "告诉她",
                                   "告诉对方", "上传", "填写", "输入到", "验证钱包"};

template <std::size_t N>
bool one_of(const std::string& word, const std::array<const char*, N>& list) {
  return std::any_of(list.begin(), list.end(), [&](const char* w) { return word == w; });
}

std::vector<std::string> ascii_words(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) {
      current += c;
    } else if (u >= 'A' && u <= 'Z') {
      current += static_cast<char>(u - 'A' + 'a');
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

bool is_seed_term(const std::vector<std::string>& w, std::size_t i) {
  if (one_of(w[i], kSeedSingle)) return true;
  return i + 1 < w.size() && one_of(w[i], kSeedFirst) && one_of(w[i + 1], kSeedSecond);
}

bool is_request(const std::vector<std::string>& w, std::size_t i) {
  const bool by_me = i > 0 && w[i - 1] == "i";
  // "verify" only as someone else's instruction: "told me to verify my seed online".
  if (w[i] == "verify") return i > 1 && w[i - 1] == "to" && w[i - 2] == "me";
  if (one_of(w[i], kHandOverWords)) return true;
  return one_of(w[i], kAskWords) && !by_me;
}

bool english_match(std::string_view text) {
  const auto w = ascii_words(text);
  std::vector<std::size_t> seeds, requests;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (is_seed_term(w, i)) seeds.push_back(i);
    if (is_request(w, i)) requests.push_back(i);
  }
  for (std::size_t s : seeds) {
    for (std::size_t r : requests) {
      if ((r > s ? r - s : s - r) <= kWordWindow) return true;
    }
  }
  return false;
}

template <std::size_t N>
std::vector<std::pair<std::size_t, std::size_t>> spans_of(std::string_view text,
                                                          const std::array<const char*, N>& list) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const char* term : list) {
    const std::string_view t(term);
    for (auto pos = text.find(t); pos != std::string_view::npos; pos = text.find(t, pos + 1)) {
      out.emplace_back(pos, pos + t.size());
    }
  }
  return out;
}

bool chinese_match(std::string_view text) {
  const auto seeds = spans_of(text, kZhSeed);
  if (seeds.empty()) return false;
  for (const auto& [rs, re] : spans_of(text, kZhRequest)) {
    for (const auto& [ss, se] : seeds) {
      const std::size_t gap = re <= ss ? ss - re : (se <= rs ? rs - se : 0);
      if (gap <= kByteWindow) return true;
    }
  }
  return false;
}

}  // namespace

bool description_mentions_seed_request(std::string_view text) { return english_match(text) || chinese_match(text); }

}  // namespace cc::findings
