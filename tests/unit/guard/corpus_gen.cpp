#include "corpus_gen.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <algorithm>
#include <array>
#include <functional>
#include <string_view>

#include "guard/normalize.hpp"
#include "guard/word_index.hpp"

namespace cc::guard::corpus {
namespace {

using Bytes = std::vector<unsigned char>;

// splitmix64: the same sequence on every platform and standard library.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : s_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  bool percent(unsigned p) { return below(100) < p; }
  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }
  Bytes bytes(std::size_t n) {
    Bytes b(n);
    for (auto& x : b) x = static_cast<unsigned char>(next() & 0xFF);
    return b;
  }

 private:
  std::uint64_t s_;
};

std::string hex(const Bytes& b, bool upper = false) {
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string s;
  for (const unsigned char c : b) {
    s.push_back(digits[c >> 4]);
    s.push_back(digits[c & 15]);
  }
  return s;
}

Bytes sha256(const Bytes& b) {
  Bytes out(SHA256_DIGEST_LENGTH);
  SHA256(b.data(), b.size(), out.data());
  return out;
}

constexpr std::string_view kBase58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
constexpr std::string_view kBech32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

std::string base58(const Bytes& in) {
  std::vector<unsigned> digits;  // base 58, little end first
  for (const unsigned char byte : in) {
    unsigned carry = byte;
    for (auto& d : digits) {
      carry += d << 8;
      d = carry % 58;
      carry /= 58;
    }
    while (carry > 0) {
      digits.push_back(carry % 58);
      carry /= 58;
    }
  }
  std::string s;
  for (const unsigned char byte : in) {
    if (byte != 0) break;
    s.push_back('1');
  }
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) s.push_back(kBase58[*it]);
  return s;
}

std::string base58check(Bytes payload) {
  const Bytes h = sha256(sha256(payload));
  payload.insert(payload.end(), h.begin(), h.begin() + 4);
  return base58(payload);
}

std::string random_of(Rng& rng, std::string_view alphabet, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s.push_back(alphabet[rng.below(alphabet.size())]);
  return s;
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i > 0) s += sep;
    s += v[i];
  }
  return s;
}

std::string replace_all(std::string s, std::string_view from, const std::string& to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
  return s;
}

// ---- phrases -------------------------------------------------------------------------

std::vector<std::uint16_t> bip39_indices(Rng& rng, std::size_t words) {
  const std::size_t ent_bytes = words * 11 * 32 / 33 / 8;
  Bytes bits = rng.bytes(ent_bytes);
  const Bytes h = sha256(bits);
  bits.push_back(h[0]);
  std::vector<std::uint16_t> out;
  for (std::size_t w = 0; w < words; ++w) {
    unsigned v = 0;
    for (std::size_t b = 0; b < 11; ++b) {
      const std::size_t bit = w * 11 + b;
      v = (v << 1) | ((static_cast<unsigned>(bits[bit / 8]) >> (7 - bit % 8)) & 1u);
    }
    out.push_back(static_cast<std::uint16_t>(v));
  }
  return out;
}

std::vector<std::string> words_of(ListId id, const std::vector<std::uint16_t>& idx) {
  std::vector<std::string> out;
  for (const auto i : idx) out.emplace_back(WordIndex::get().word(id, i));
  return out;
}

std::size_t phrase_length(Rng& rng) {
  static const std::vector<std::size_t> lengths = {12, 12, 12, 24, 24, 18, 15, 21};
  return rng.pick(lengths);
}

// The ways people lay out a list of words.
std::string layout(Rng& rng, const std::vector<std::string>& w, bool latin) {
  static const char* const kOrdinal[] = {"st", "nd", "rd"};
  std::string s;
  const std::size_t style = rng.below(latin ? 17 : 9);
  switch (style) {
    case 0: return join(w, " ");
    case 1:
      for (std::size_t i = 0; i < w.size(); ++i) s += std::to_string(i + 1) + ". " + w[i] + "\n";
      return s;
    case 2:
      for (std::size_t i = 0; i < w.size(); ++i) s += std::to_string(i + 1) + ")" + w[i] + " ";
      return s;
    case 3: return join(w, "\n");
    case 4: return join(w, ", ");
    case 5: return "[\"" + join(w, "\", \"") + "\"]";
    case 6: return "{\"words\": [\"" + join(w, "\",\"") + "\"]}";
    case 7:
      for (std::size_t i = 0; i < w.size(); ++i) s += std::to_string(i + 1) + ":" + w[i] + "\t";
      return s;
    case 8: {
      const std::size_t half = (w.size() + 1) / 2;  // two columns, as on a backup card
      for (std::size_t i = 0; i < half; ++i) {
        s += std::to_string(i + 1) + ". " + w[i];
        if (i + half < w.size()) s += "      " + std::to_string(i + half + 1) + ". " + w[i + half];
        s += "\n";
      }
      return s;
    }
    case 9:
      s = "<ol>";
      for (const auto& x : w) s += "<li>" + x + "</li>";
      return s + "</ol>";
    case 10:
      for (std::size_t i = 0; i < w.size(); ++i) s += "w" + std::to_string(i + 1) + "=" + w[i] + " ";
      return s;
    case 11:
      for (std::size_t i = 0; i < w.size(); ++i) {
        s += std::to_string(i + 1) + (i < 3 ? kOrdinal[i] : "th") + " " + w[i] + (i + 1 < w.size() ? ", " : "");
      }
      return s;
    case 12:
      for (std::size_t i = 0; i < w.size(); ++i)
        s += std::string(1, static_cast<char>('a' + i % 26)) + ") " + w[i] + " ";
      return s;
    case 13: {
      static const std::vector<std::string> seps = {" | ", ";", "\t", " - ", "/", " · ", "_", " + "};
      return join(w, rng.pick(seps));
    }
    case 14: {
      std::string up = join(w, " ");
      std::transform(up.begin(), up.end(), up.begin(),
                     [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; });
      return up;
    }
    case 15:
      for (std::size_t i = 0; i < w.size(); ++i) s += "#" + std::to_string(i + 1) + " " + w[i] + " ";
      return s;
    default: {  // wrapped at a narrow width, words cut with a hyphen
      std::size_t col = 0;
      for (const auto& x : w) {
        if (col + x.size() > 30 && x.size() > 5 && rng.percent(50)) {
          const std::size_t cut = 2 + rng.below(x.size() - 4);
          s += x.substr(0, cut) + "-\n" + x.substr(cut) + " ";
          col = x.size() - cut + 1;
        } else {
          s += x + " ";
          col += x.size() + 1;
        }
      }
      return s;
    }
  }
}

std::string in_prose(Rng& rng, const std::string& phrase) {
  static const std::vector<std::string> before = {
      "Hi, my wallet shows zero balance. These are my words: ",
      "Support asked me to verify, here is my recovery phrase:\n",
      "backup ",
      "Is this seed still valid? ",
      "my seed phrase is ",
      "",
      "Recovery seed (keep safe!)\n",
  };
  static const std::vector<std::string> after = {"", "\nPlease help!", " thanks", "\n\nSent from my iPhone",
                                                 " - is this right?"};
  return rng.pick(before) + phrase + rng.pick(after);
}

std::string typo(Rng& rng, std::string w) {
  if (w.size() < 4) return w;
  const std::size_t i = 1 + rng.below(w.size() - 2);
  switch (rng.below(4)) {
    case 0: w[i] = static_cast<char>('a' + rng.below(26)); break;           // substitution
    case 1: w.erase(i, 1); break;                                           // deletion
    case 2: w.insert(i, 1, static_cast<char>('a' + rng.below(26))); break;  // insertion
    default: std::swap(w[i], w[i + 1 < w.size() ? i + 1 : i - 1]); break;   // transposition
  }
  return w;
}

void add_bip39_english(Rng& rng, std::vector<Case>& out, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) {
    const auto w = words_of(ListId::kEnglish, bip39_indices(rng, phrase_length(rng)));
    out.push_back({"bip39_en", in_prose(rng, layout(rng, w, true))});
  }
}

void add_bip39_english_damaged(Rng& rng, std::vector<Case>& out, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) {
    auto w = words_of(ListId::kEnglish, bip39_indices(rng, phrase_length(rng)));
    switch (rng.below(6)) {
      case 0:  // one typo (two in a long phrase)
      case 1:
        for (std::size_t t = 0; t < (w.size() >= 18 ? 2u : 1u); ++t) {
          const std::size_t i = rng.below(w.size());
          w[i] = typo(rng, w[i]);
        }
        break;
      case 2: {  // a plural or an apostrophe
        const std::size_t i = rng.below(w.size());
        w[i] += rng.percent(50) ? "s" : "'s";
        break;
      }
      case 3: w.erase(w.begin() + static_cast<long>(rng.below(w.size()))); break;  // a word missing
      case 4: {                                                                    // a word written twice
        const std::size_t i = rng.below(w.size());
        w.insert(w.begin() + static_cast<long>(i), w[i]);
        break;
      }
      default:  // stamped on steel: four letters each
        for (auto& x : w) {
          x = x.substr(0, 4);
          std::transform(x.begin(), x.end(), x.begin(), [](char c) { return static_cast<char>(c - 32); });
        }
        break;
    }
    out.push_back({"bip39_en_damaged", in_prose(rng, layout(rng, w, true))});
  }
}

// Unicode disguise, one trick per case.
std::string disguise(Rng& rng, const std::string& ascii) {
  std::string s;
  const std::size_t trick = rng.below(11);
  for (const char c : ascii) {
    const bool letter = c >= 'a' && c <= 'z';
    switch (trick) {
      case 0:  // fullwidth
        if (c == ' ') {
          s += "\xE3\x80\x80";
        } else {
          append_utf8(s, static_cast<char32_t>(0xFF00 + (c - 0x20)));
        }
        break;
      case 1: {  // Cyrillic look-alikes
        static const std::string_view from = "aeopcxyi";
        static const char32_t to[] = {0x0430, 0x0435, 0x043E, 0x0440, 0x0441, 0x0445, 0x0443, 0x0456};
        const std::size_t p = from.find(c);
        if (p != std::string_view::npos && rng.percent(60)) {
          append_utf8(s, to[p]);
        } else {
          s.push_back(c);
        }
        break;
      }
      case 2:  // mathematical bold
        if (letter) {
          append_utf8(s, static_cast<char32_t>(0x1D41A + (c - 'a')));
        } else {
          s.push_back(c);
        }
        break;
      case 3:  // zero-width characters inside words
        s.push_back(c);
        if (letter && rng.percent(40)) s += rng.percent(50) ? "\xE2\x80\x8B" : "\xE2\x80\x8D";
        break;
      case 4:  // combining marks
        s.push_back(c);
        if (letter && rng.percent(40)) append_utf8(s, static_cast<char32_t>(0x0300 + rng.below(0x70)));
        break;
      case 5:  // bidi override around each word
        if (c == ' ') {
          s += "\xE2\x80\xAC \xE2\x80\xAE";
        } else {
          s.push_back(c);
        }
        break;
      case 6:  // soft hyphens and word joiners
        s.push_back(c);
        if (letter && rng.percent(30)) s += rng.percent(50) ? "\xC2\xAD" : "\xE2\x81\xA0";
        break;
      case 7:  // odd spaces
        if (c == ' ') {
          static const std::vector<std::string> spaces = {"\xC2\xA0", "\xE2\x80\x83", "\xE2\x80\xAF", "\xE3\x80\x80"};
          s += rng.pick(spaces);
        } else {
          s.push_back(c);
        }
        break;
      case 8:  // circled letters
        if (letter) {
          append_utf8(s, static_cast<char32_t>(0x24D0 + (c - 'a')));
        } else {
          s.push_back(c);
        }
        break;
      case 9:  // Greek look-alikes
        if (c == 'o') {
          s += "\xCE\xBF";
        } else if (c == 'i' && rng.percent(50)) {
          s += "\xC4\xB1";  // dotless i
        } else {
          s.push_back(c);
        }
        break;
      default:  // variation selectors and tag characters
        s.push_back(c);
        if (letter && rng.percent(30)) s += rng.percent(50) ? "\xEF\xB8\x8F" : "\xF3\xA0\x80\xA1";
        break;
    }
  }
  return s;
}

void add_bip39_english_unicode(Rng& rng, std::vector<Case>& out, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) {
    const auto w = words_of(ListId::kEnglish, bip39_indices(rng, phrase_length(rng)));
    out.push_back({"bip39_en_unicode", disguise(rng, join(w, " "))});
  }
}

void add_bip39_latin(Rng& rng, std::vector<Case>& out, ListId id, const char* name, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) {
    auto w = words_of(id, bip39_indices(rng, phrase_length(rng)));
    if (rng.percent(40)) {
      for (auto& x : w) x = fold_word(x);  // typed without accents
    }
    out.push_back({name, in_prose(rng, layout(rng, w, true))});
  }
}

void add_bip39_japanese(Rng& rng, std::vector<Case>& out, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) {
    const auto w = words_of(ListId::kJapanese, bip39_indices(rng, phrase_length(rng)));
    std::string s;
    switch (rng.below(4)) {
      case 0: s = join(w, "\xE3\x80\x80"); break;  // ideographic space
      case 1: s = join(w, "\xE3\x83\xBB"); break;  // middle dot
      case 2: s = layout(rng, w, false); break;
      default: s = "ニーモニック：" + join(w, " "); break;
    }
    out.push_back({"bip39_ja", s});
  }
}

void add_bip39_korean(Rng& rng, std::vector<Case>& out, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) {
    const auto w = words_of(ListId::kKorean, bip39_indices(rng, phrase_length(rng)));
    out.push_back({"bip39_ko", rng.percent(30) ? "복구 문구: " + join(w, " ") : layout(rng, w, false)});
  }
}

void add_bip39_chinese(Rng& rng, std::vector<Case>& out, ListId id, const char* name, std::size_t n) {
  static const std::vector<std::string> markers = {"助记词：", "我的助记词是", "助記詞：", "恢复词 ", "种子：", "", ""};
  static const std::vector<std::string> tails = {"", "，请帮我看看", "。钱包里的币不见了", "\n谢谢", "？"};
  for (std::size_t k = 0; k < n; ++k) {
    const auto w = words_of(id, bip39_indices(rng, phrase_length(rng)));
    std::string s;
    switch (rng.below(9)) {
      case 0: s = join(w, " "); break;
      case 1: s = join(w, ""); break;  // no spaces at all
      case 2:
        for (std::size_t i = 0; i < w.size(); ++i) s += "第" + std::to_string(i + 1) + "个：" + w[i] + " ";
        break;
      case 3:
        for (std::size_t i = 0; i < w.size(); ++i) s += "单词" + std::to_string(i + 1) + " " + w[i] + "\n";
        break;
      case 4: s = join(w, "，"); break;
      case 5: s = join(w, "\n"); break;
      case 6:
        for (std::size_t i = 0; i < w.size(); ++i) s += std::to_string(i + 1) + "." + w[i] + " ";
        break;
      case 7: s = join(w, "、"); break;
      default:
        for (std::size_t i = 0; i < w.size(); i += 4) {
          s += join(std::vector<std::string>(w.begin() + static_cast<long>(i),
                                             w.begin() + static_cast<long>(std::min(i + 4, w.size()))),
                    "") +
               " ";
        }
        break;
    }
    out.push_back({name, rng.pick(markers) + s + rng.pick(tails)});
  }
}

// SLIP-39: 10-bit words; the last three are an RS1024 checksum over "shamir" + data.
std::uint32_t rs1024_polymod(const std::vector<unsigned>& values) {
  constexpr std::uint32_t kGen[] = {0xE0E040,   0x1C1C080,  0x3838100,  0x7070200,  0xE0E0009,
                                    0x1C0C2412, 0x38086C24, 0x3090FC48, 0x21B1F890, 0x3F3F120};
  std::uint32_t chk = 1;
  for (const unsigned v : values) {
    const std::uint32_t b = chk >> 20;
    chk = ((chk & 0xFFFFF) << 10) ^ v;
    for (unsigned i = 0; i < 10; ++i) chk ^= ((b >> i) & 1u) ? kGen[i] : 0;
  }
  return chk;
}

void add_slip39(Rng& rng, std::vector<Case>& out, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t words = rng.percent(70) ? 20 : 33;
    std::vector<unsigned> data;
    for (std::size_t i = 0; i + 3 < words; ++i) data.push_back(static_cast<unsigned>(rng.below(1024)));
    std::vector<unsigned> values;
    for (const char c : std::string_view("shamir")) values.push_back(static_cast<unsigned char>(c));
    values.insert(values.end(), data.begin(), data.end());
    values.insert(values.end(), 3, 0);
    const std::uint32_t pm = rs1024_polymod(values) ^ 1;
    for (int i = 2; i >= 0; --i) data.push_back((pm >> (10 * i)) & 1023);
    std::vector<std::uint16_t> idx(data.begin(), data.end());
    out.push_back({"slip39", in_prose(rng, layout(rng, words_of(ListId::kSlip39, idx), true))});
  }
}

void add_electrum(Rng& rng, std::vector<Case>& out, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) {
    if (k % 2 == 0) {  // old: 12 words from the 1626-word list, any 12 are a seed
      std::vector<std::uint16_t> idx;
      for (int i = 0; i < 12; ++i) idx.push_back(static_cast<std::uint16_t>(rng.below(1626)));
      out.push_back({"electrum", in_prose(rng, layout(rng, words_of(ListId::kElectrumOld, idx), true))});
      continue;
    }
    for (;;) {  // new: English list words whose HMAC says "seed version 01 or 100"
      std::vector<std::uint16_t> idx;
      for (int i = 0; i < 12; ++i) idx.push_back(static_cast<std::uint16_t>(rng.below(2048)));
      const auto w = words_of(ListId::kEnglish, idx);
      const std::string phrase = join(w, " ");
      unsigned char mac[64];
      unsigned int len = 0;
      HMAC(EVP_sha512(), "Seed version", 12, reinterpret_cast<const unsigned char*>(phrase.data()), phrase.size(), mac,
           &len);
      if (mac[0] == 0x01 || (mac[0] == 0x10 && (mac[1] >> 4) == 0)) {
        out.push_back({"electrum", in_prose(rng, layout(rng, w, true))});
        break;
      }
    }
  }
}

std::uint32_t crc32(std::string_view s) {
  std::uint32_t c = 0xFFFFFFFFu;
  for (const char ch : s) {
    c ^= static_cast<unsigned char>(ch);
    for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
  }
  return ~c;
}

void add_monero(Rng& rng, std::vector<Case>& out, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) {
    std::vector<std::uint16_t> idx;
    for (int i = 0; i < 24; ++i) idx.push_back(static_cast<std::uint16_t>(rng.below(1626)));
    auto w = words_of(ListId::kMonero, idx);
    std::string prefixes;
    for (const auto& x : w) prefixes += x.substr(0, 3);
    w.push_back(w[crc32(prefixes) % 24]);
    out.push_back({"monero", in_prose(rng, layout(rng, w, true))});
  }
}

// ---- keys ----------------------------------------------------------------------------

std::string xprv(Rng& rng) {
  static const std::vector<std::uint32_t> versions = {0x0488ADE4, 0x049D7878, 0x04B2430C,
                                                      0x04358394, 0x044A4E28, 0x045F18BC};
  const std::uint32_t v = rng.pick(versions);
  Bytes p = {static_cast<unsigned char>(v >> 24), static_cast<unsigned char>(v >> 16),
             static_cast<unsigned char>(v >> 8), static_cast<unsigned char>(v)};
  p.push_back(static_cast<unsigned char>(rng.below(6)));
  const Bytes rest = rng.bytes(8 + 32);
  p.insert(p.end(), rest.begin(), rest.end());
  p.push_back(0x00);
  const Bytes key = rng.bytes(32);
  p.insert(p.end(), key.begin(), key.end());
  return base58check(p);
}

std::string xpub(Rng& rng) {
  static const std::vector<std::uint32_t> versions = {0x0488B21E, 0x049D7CB2, 0x04B24746};
  const std::uint32_t v = rng.pick(versions);
  Bytes p = {static_cast<unsigned char>(v >> 24), static_cast<unsigned char>(v >> 16),
             static_cast<unsigned char>(v >> 8), static_cast<unsigned char>(v)};
  const Bytes rest = rng.bytes(1 + 8 + 32);
  p.insert(p.end(), rest.begin(), rest.end());
  p.push_back(rng.percent(50) ? 0x02 : 0x03);
  const Bytes key = rng.bytes(32);
  p.insert(p.end(), key.begin(), key.end());
  return base58check(p);
}

std::string mistype(Rng& rng, std::string s, std::string_view alphabet) {
  const std::size_t i = 4 + rng.below(s.size() - 5);
  char c = s[i];
  while (c == s[i]) c = alphabet[rng.below(alphabet.size())];
  s[i] = c;
  return s;
}

void add_xprv(Rng& rng, std::vector<Case>& out, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) {
    std::string x = xprv(rng);
    std::string s;
    switch (rng.below(7)) {
      case 0: s = x; break;
      case 1: s = "wpkh(" + x + "/84h/0h/0h/0/*)#abcd1234"; break;
      case 2: s = "my key " + mistype(rng, x, kBase58) + " please check"; break;
      case 3: s = x.substr(0, 56) + "\n" + x.substr(56); break;  // wrapped
      case 4:
        for (std::size_t i = 0; i < x.size(); i += 4) s += x.substr(i, 4) + " ";  // split in groups
        break;
      case 5: s = x.substr(0, x.size() - 1 - rng.below(8)); break;  // a few characters lost
      default: s = "{\"xprv\": \"" + x + "\"}"; break;
    }
    out.push_back({"xprv", s});
  }
}

void add_wif(Rng& rng, std::vector<Case>& out, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) {
    Bytes p = {static_cast<unsigned char>(rng.percent(75) ? 0x80 : 0xEF)};
    const Bytes key = rng.bytes(32);
    p.insert(p.end(), key.begin(), key.end());
    if (rng.percent(70)) p.push_back(0x01);
    std::string w = base58check(p);
    if (rng.percent(35)) w = mistype(rng, w, kBase58);
    static const std::vector<std::string> before = {"", "import this: ", "WIF ", "paper wallet says ", "私钥："};
    out.push_back({"wif", rng.pick(before) + w});
  }
}

void add_hex(Rng& rng, std::vector<Case>& out, std::size_t n) {
  static const std::vector<std::string> markers = {
      "private key: ",      "Private Key = 0x",   "私钥：", "私钥 ", "密钥:", "pk: ", "sk=", "priv: ", "secret key ",
      "my private key is ", "\"privateKey\": \"", "私鑰 ",  "key: "};
  for (std::size_t k = 0; k < n; ++k) {
    if (k % 5 == 4) {  // 128-bit entropy next to a strong marker
      static const std::vector<std::string> strong = {"entropy: ", "seed entropy ", "私钥：", "secret: "};
      out.push_back({"hex", rng.pick(strong) + hex(rng.bytes(16))});
      continue;
    }
    const std::string h = hex(rng.bytes(32), rng.percent(20));
    std::string s;
    switch (rng.below(5)) {
      case 0:
      case 1: s = h; break;
      case 2:
        for (std::size_t i = 0; i < h.size(); i += 4) s += h.substr(i, 4) + " ";
        break;
      case 3: s = h.substr(0, 32) + "\n" + h.substr(32); break;
      default:
        for (std::size_t i = 0; i < h.size(); i += 2) s += h.substr(i, 2) + (i + 2 < h.size() ? ":" : "");
        break;
    }
    out.push_back({"hex", rng.pick(markers) + s});
  }
}

std::string base64(const Bytes& b) {
  std::string out(4 * ((b.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), b.data(), static_cast<int>(b.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

void add_pem(Rng& rng, std::vector<Case>& out, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) {
    std::string pem;
    if (k % 3 == 2) {  // an OpenSSH key: "openssh-key-v1\0" then its fields
      Bytes body = {'o', 'p', 'e', 'n', 's', 's', 'h', '-', 'k', 'e', 'y', '-', 'v', '1', 0};
      const Bytes rest = rng.bytes(300);
      body.insert(body.end(), rest.begin(), rest.end());
      const std::string b64 = base64(body);
      pem = "-----BEGIN OPENSSH PRIVATE KEY-----\n";
      for (std::size_t i = 0; i < b64.size(); i += 70) pem += b64.substr(i, 70) + "\n";
      pem += "-----END OPENSSH PRIVATE KEY-----\n";
    } else {
      // DER built from random bytes in the shape of the real structures, so the corpus
      // does not depend on a random number generator outside the seed.
      Bytes der;
      std::string label;
      if (k % 3 == 0) {  // SEC1 EC key (P-256)
        der = {0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20};
        const Bytes d = rng.bytes(32);
        der.insert(der.end(), d.begin(), d.end());
        const Bytes oid = {0xA0, 0x0A, 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D,
                           0x03, 0x01, 0x07, 0xA1, 0x44, 0x03, 0x42, 0x00, 0x04};
        der.insert(der.end(), oid.begin(), oid.end());
        const Bytes q = rng.bytes(64);
        der.insert(der.end(), q.begin(), q.end());
        label = "EC PRIVATE KEY";
      } else if (rng.percent(70)) {  // PKCS#8 Ed25519
        der = {0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20};
        const Bytes d = rng.bytes(32);
        der.insert(der.end(), d.begin(), d.end());
        label = "PRIVATE KEY";
      } else {  // encrypted PKCS#8 (PBES2)
        der = {0x30, 0x81, 0x9B, 0x30, 0x57, 0x06, 0x09, 0x2A, 0x86,
               0x48, 0x86, 0xF7, 0x0D, 0x01, 0x05, 0x0D, 0x30, 0x4A};
        const Bytes rest = rng.bytes(140);
        der.insert(der.end(), rest.begin(), rest.end());
        label = "ENCRYPTED PRIVATE KEY";
      }
      const std::string b64 = base64(der);
      pem = "-----BEGIN " + label + "-----\n";
      for (std::size_t i = 0; i < b64.size(); i += 64) pem += b64.substr(i, 64) + "\n";
      pem += "-----END " + label + "-----\n";
    }
    switch (rng.below(5)) {
      case 0: break;
      case 1: pem = replace_all(pem, "-----", "---"); break;  // damaged armour
      case 2: pem = replace_all(pem, "-----", ""); break;     // armour without dashes
      case 3: {                                               // armour gone: only the body lines
        std::string body;
        std::size_t start = 0;
        while (start < pem.size()) {
          const std::size_t end = pem.find('\n', start);
          const std::string line = pem.substr(start, end - start);
          if (line.find("PRIVATE KEY") == std::string::npos) body += line + "\n";
          start = end == std::string::npos ? pem.size() : end + 1;
        }
        pem = body;
        break;
      }
      default: pem = "here is my key file:\n" + pem; break;
    }
    out.push_back({"pem", pem});
  }
}

void add_formats(Rng& rng, std::vector<Case>& out, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) {
    out.push_back(
        {"keystore", "{\"address\":\"" + hex(rng.bytes(20)) +
                         "\",\"crypto\":{\"cipher\":\"aes-128-ctr\",\"ciphertext\":\"" + hex(rng.bytes(32)) +
                         "\",\"cipherparams\":{\"iv\":\"" + hex(rng.bytes(16)) +
                         "\"},\"kdf\":\"scrypt\",\"kdfparams\":{\"dklen\":32,\"n\":262144,\"p\":1,\"r\":8,\"salt\":\"" +
                         hex(rng.bytes(32)) + "\"},\"mac\":\"" + hex(rng.bytes(32)) + "\"},\"id\":\"" +
                         hex(rng.bytes(16)) + "\",\"version\":3}"});
    const Bytes sk = rng.bytes(64);
    if (rng.percent(50)) {
      out.push_back({"solana", (rng.percent(50) ? "phantom private key: " : "") + base58(sk)});
    } else {
      std::string arr = "[";
      for (std::size_t i = 0; i < sk.size(); ++i) arr += (i ? "," : "") + std::to_string(sk[i]);
      out.push_back({"solana", arr + "]"});
    }
    out.push_back(
        {"nostr", (rng.percent(50) ? "my nostr key " : "") + std::string("nsec1") + random_of(rng, kBech32, 58)});
    Bytes b38 = {0x01, 0x42, static_cast<unsigned char>(rng.percent(50) ? 0xC0 : 0xE0)};
    const Bytes rest = rng.bytes(36);
    b38.insert(b38.end(), rest.begin(), rest.end());
    out.push_back({"bip38", (rng.percent(50) ? "BIP38 paper wallet: " : "") + base58check(b38)});
    for (;;) {
      const std::string mini = "S" + random_of(rng, kBase58, rng.percent(70) ? 29 : 21);
      const std::string probe = mini + "?";
      if (sha256(Bytes(probe.begin(), probe.end()))[0] == 0x00) {
        out.push_back({"minikey", (rng.percent(50) ? "casascius coin code " : "") + mini});
        break;
      }
    }
    std::string age = "AGE-SECRET-KEY-1";
    for (const char c : random_of(rng, kBech32, 58))
      age.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
    out.push_back(
        {"age",
         (rng.percent(50) ? "# created: 2024-01-01\n# public key: age1" + random_of(rng, kBech32, 58) + "\n" : "") +
             age});
  }
}

void add_pins(Rng& rng, std::vector<Case>& out, std::size_t n) {
  static const std::vector<std::string> pin_templates = {"my PIN is {d}",
                                                         "pin: {d}",
                                                         "PIN {d}",
                                                         "the pin code is {d}",
                                                         "My Trezor PIN = {d}",
                                                         "PIN码是{d}",
                                                         "我的PIN码：{d}",
                                                         "pin码 {d}",
                                                         "密码是{d}",
                                                         "支付密码{d}",
                                                         "I set the PIN to {d} yesterday",
                                                         "PIN was {d}",
                                                         "Pin number: {d}",
                                                         "PIN: {s}",
                                                         "my pin is {s} but it says wrong"};
  static const std::vector<std::string> pass_templates = {"my passphrase is {p}",
                                                          "passphrase: {p}",
                                                          "Passphrase = {p}",
                                                          "the passphrase was {p}",
                                                          "密码是{p}",
                                                          "密码：{p}",
                                                          "我的密码为{p}",
                                                          "口令：{p}",
                                                          "password is {p}",
                                                          "hidden wallet passphrase: {p}",
                                                          "I used the passphrase {q} for the hidden wallet"};
  static const std::vector<std::string> words = {"banana",       "Tr3zor!",   "hunter2",     "correcthorse",
                                                 "MySecret99",   "qwerty123", "moonlambo",   "p@ssw0rd",
                                                 "xiaoming1988", "wang520",   "gold&silver", "Satoshi2009"};
  for (std::size_t k = 0; k < n; ++k) {
    const std::string digits = std::to_string(1000 + rng.below(99000000));
    std::string spaced;
    for (const char c : digits.substr(0, 4)) spaced += std::string(1, c) + " ";
    if (rng.percent(55)) {
      std::string t = replace_all(rng.pick(pin_templates), "{d}", digits);
      out.push_back({"pin_passphrase", replace_all(t, "{s}", spaced)});
    } else {
      const std::string w = rng.pick(words);
      std::string t = replace_all(rng.pick(pass_templates), "{p}", w);
      out.push_back({"pin_passphrase", replace_all(t, "{q}", "\"" + w + "\"")});
    }
  }
}

// ---- clean texts ---------------------------------------------------------------------

std::string address(Rng& rng) {
  switch (rng.below(4)) {
    case 0:
      return base58check([&] {
        Bytes b = {0x00};
        const Bytes r = rng.bytes(20);
        b.insert(b.end(), r.begin(), r.end());
        return b;
      }());
    case 1:
      return base58check([&] {
        Bytes b = {0x05};
        const Bytes r = rng.bytes(20);
        b.insert(b.end(), r.begin(), r.end());
        return b;
      }());
    case 2: return "bc1q" + random_of(rng, kBech32, 38);
    default: return "0x" + hex(rng.bytes(20), rng.percent(30));
  }
}

std::string uuid(Rng& rng) {
  const std::string h = hex(rng.bytes(16));
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-4" + h.substr(13, 3) + "-a" + h.substr(17, 3) + "-" +
         h.substr(20, 12);
}

std::string fill(Rng& rng, std::string t) {
  static const std::vector<std::string> models = {
      "Trezor Model T", "Trezor Safe 3",  "Trezor Safe 5", "Trezor Model One",
      "KeepKey",        "OneKey Classic", "OneKey Mini",   "OneKey Touch",
      "OneKey Pro",     "Ledger Nano S",  "Ledger Nano X", "Ledger Nano S Plus",
      "Ledger Stax",    "BitBox02",       "Coldcard Mk4",  "Jade"};
  static const std::vector<std::string> errors = {"Failure_DataError",
                                                  "LIBUSB_ERROR_ACCESS",
                                                  "Device not found",
                                                  "firmware signature invalid",
                                                  "Wrong PIN entered",
                                                  "Action cancelled by user",
                                                  "Failure_ProcessError: Firmware erased",
                                                  "0x6985",
                                                  "TransportError: unable to claim interface",
                                                  "error 0x6d00",
                                                  "Bootloader mode",
                                                  "UNEXPECTED_MESSAGE",
                                                  "Device disconnected during the operation",
                                                  "timeout after 30 s",
                                                  "HID read failed: -1"};
  static const std::vector<std::string> versions = {"2.6.3",  "v1.12.1",   "2.8.1", "1.10.4",
                                                    "24.5.3", "3.0.0-rc1", "2.1.4"};
  t = replace_all(t, "{model}", rng.pick(models));
  t = replace_all(t, "{error}", rng.pick(errors));
  t = replace_all(t, "{txid}", hex(rng.bytes(32)));
  t = replace_all(t, "{xpub}", xpub(rng));
  t = replace_all(t, "{addr}", address(rng));
  t = replace_all(t, "{hash}", hex(rng.bytes(32)));
  t = replace_all(t, "{fp}", hex(rng.bytes(4)));
  t = replace_all(t, "{session}", rng.percent(50) ? uuid(rng) : hex(rng.bytes(16)));
  t = replace_all(t, "{version}", rng.pick(versions));
  t = replace_all(t, "{n}", std::to_string(1 + rng.below(30)));
  t = replace_all(t, "{amount}", std::to_string(rng.below(5)) + "." + std::to_string(rng.below(100000)));
  return t;
}

const std::vector<std::string>& english_templates() {
  static const std::vector<std::string> t = {
      "My {model} says firmware outdated and will not update past {version}.",
      "Please help, you can also check this for me?",
      "After the update to {version} the device shows {error} and I cannot do anything.",
      "I sent {amount} BTC to {addr} but it never arrived. The txid is {txid}.",
      "Transaction {txid} has been pending for {n} hours, is the fee too low?",
      "Here is my xpub so you can look at the balance: {xpub}",
      "The firmware hash shown on the screen is {hash}, does it match the official one?",
      "sha256: {hash}",
      "session id {session}",
      "Request {session} failed with {error}.",
      "2024-05-12T10:22:31Z INFO transport: opened /dev/hidraw{n} (1209:53c1)",
      "2024-05-12T10:22:32Z WARN device: {error} after {n} ms",
      "I forgot my PIN and the device wiped itself after too many attempts, what now?",
      "It says Wrong PIN even though I am sure I typed the right digits.",
      "The passphrase is case-sensitive, right? I am not sure I typed it the same way.",
      "Do I have to enter the passphrase every time I connect the {model}?",
      "My PIN is 8 digits long, is that enough?",
      "The PIN screen shows {n} attempts left.",
      "Can you explain what the recovery phrase is for and where I should keep it?",
      "I never share my recovery words with anyone, I just want to check the backup on the device.",
      "The {model} is stuck on the bootloader screen with a red warning.",
      "When I plug it in nothing happens, the computer does not even see the device.",
      "Bluetooth pairing fails on my {model} every time with {error}.",
      "I bought this device second hand and the seal was already broken, is it safe?",
      "The screen flickers and then goes blank, the battery seems to be dead.",
      "Suite shows my balance as zero but the explorer shows {amount} BTC at {addr}.",
      "Receiving address on the screen is {addr}, the app shows the same one.",
      "I want to move my coins to a new wallet, what is the safest way to do it?",
      "Can I use the same device for Bitcoin and Ethereum at the same time?",
      "Where do I find the fingerprint {fp} in the app?",
      "The report id is {session}, please attach it to the ticket.",
      "coldcheck diagnose finished with exit code {n}; the report says firmware genuine: unknown.",
      "My {model} runs bootloader {version} and firmware {version}.",
      "The USB cable works with my phone but the wallet never shows up.",
      "I think the cable is fine because it charges, but data does not seem to work.",
      "Error: {error} (code {n})",
      "Is it normal that the device asks me to confirm every output on the screen?",
      "I entered a wrong word during the dry run and now it says the check failed.",
      "My wallet asks for word number {n} of my backup, should I type it on the computer?",
      "What does it mean when it says the device is not initialized?",
      "Thanks for your quick answer, I will try again tomorrow and let you know.",
      "Hello team, my {model} will not turn on since yesterday. I charged it all night.",
      "After I changed the PIN the device restarted twice, is that expected?",
      "I have a hidden wallet with a passphrase and now I cannot find my coins.",
      "Can you confirm that support will never ask for my seed? Someone on Telegram asked for it.",
      "The explorer says block {n} confirmed my transaction {txid}.",
      "Firmware update failed at {n}% with {error}. I used a different USB port and it worked.",
      "I am on Linux and get {error} until I install the udev rules.",
      "My descriptor is wpkh([{fp}/84h/0h/0h]{xpub}/0/*)",
      "The app says my public key is {hash} but I expected another value.",
      "Checksum of the downloaded file: {hash}",
      "commit {hash} fixed the issue for me",
      "Please find the log attached: {error} at {version}",
      "Why does the display show a different address from the one in my app? App: {addr}",
      "my trezor says the backup was never done, how do I do it now?",
      "Which one is safer, the {model} or the {model}?",
      "The device has {n} accounts but only one shows the right balance.",
      "Where can I see the serial number of my {model}?",
      "I lost the card with my words but the device still works. What should I do first?",
      "The new seed check said all words matched, thank you for the help!",
  };
  return t;
}

const std::vector<std::string>& chinese_templates() {
  static const std::vector<std::string> t = {
      "我的{model}显示固件过期，更新到{version}以后还是不行。",
      "你好，我的钱包打不开了，请问怎么办？",
      "固件版本是{version}，屏幕一直显示正在加载。",
      "我转了{amount}个比特币到{addr}，但是一直没有到账，交易哈希是{txid}。",
      "交易{txid}已经等了{n}个小时了，是不是手续费太低了？",
      "这是我的扩展公钥，可以帮我查一下余额吗：{xpub}",
      "屏幕上显示的固件哈希是{hash}，和官网的一样吗？",
      "我忘记PIN码了，输错太多次设备自动清空了，现在怎么办？",
      "它一直提示PIN码错误，可是我确定输入的是对的。",
      "密码短语区分大小写吗？我不确定每次输入的都一样。",
      "每次连接{model}都要输入密码短语吗？",
      "我的PIN码是8位数，这样够安全吗？",
      "PIN码界面显示还剩{n}次机会。",
      "助记词是做什么用的？应该保存在哪里比较安全？",
      "我从来没有把助记词告诉任何人，只是想在设备上检查一下备份。",
      "{model}一直停在引导程序界面，上面有红色的警告。",
      "插上电脑以后什么反应都没有，电脑根本识别不到设备。",
      "蓝牙配对每次都失败，提示{error}。",
      "我在网上买的二手设备，包装已经拆过了，还安全吗？",
      "屏幕闪了一下就黑了，好像是电池没电了。",
      "软件里余额显示为零，但是区块浏览器上{addr}里有{amount}个币。",
      "设备屏幕上的收款地址是{addr}，和软件里显示的一样。",
      "我想把币转到新钱包里，最安全的做法是什么？",
      "同一个设备可以同时用比特币和以太坊吗？",
      "在哪里可以看到指纹{fp}？",
      "报告编号是{session}，请附在工单里。",
      "诊断完成，退出码是{n}，报告里说固件真伪：未知。",
      "我的{model}引导程序版本是{version}，固件版本是{version}。",
      "数据线给手机充电没问题，但是钱包一直连不上。",
      "错误：{error}（代码{n}）",
      "每笔转账都要在屏幕上确认，这正常吗？",
      "检查备份的时候我输错了一个单词，现在提示检查失败了。",
      "钱包让我输入备份里的第{n}个单词，应该在电脑上输入吗？",
      "提示设备未初始化是什么意思？",
      "谢谢你们这么快回复，我明天再试一下，有结果再告诉你们。",
      "你好，我的{model}从昨天开始就开不了机了，充了一晚上电也没用。",
      "改了PIN码以后设备重启了两次，这样正常吗？",
      "我有一个用密码短语的隐藏钱包，现在找不到里面的币了。",
      "请确认一下客服永远不会索要助记词？有人在电报群里问我要。",
      "区块浏览器显示第{n}个区块确认了我的交易。",
      "固件升级到{n}%的时候失败了，提示{error}，换了一个USB口以后就好了。",
      "我用的是Linux，安装udev规则之前一直提示{error}。",
      "为什么设备上显示的地址和软件里的不一样？软件里是{addr}",
      "我的钱包提示备份从来没有完成，现在要怎么做？",
      "{model}和{model}哪个更安全？",
      "设备里有{n}个账户，但是只有一个余额是对的。",
      "在哪里可以看到{model}的序列号？",
      "写着助记词的卡片丢了，但是设备还能用，我应该先做什么？",
      "新的助记词检查显示所有单词都对，谢谢你们的帮助！",
      "请问这个报错是什么原因：{error}",
      "我按照说明书一步一步操作，还是没有办法恢复钱包，麻烦帮我看一下。",
      "昨天晚上更新了软件，今天早上打开就提示需要重新连接设备。",
      "我担心自己的设备被别人动过，有没有办法检查一下是不是正品？",
      "客服你好，我在官方商城买的，收到以后发现屏幕上有划痕。",
      "为什么转账需要这么长时间？以前几分钟就到了。",
      "我是新手，不太明白公钥和地址有什么区别，可以解释一下吗？",
      "刚才连接的时候电脑提示发现新硬件，然后就没有反应了。",
      "密码错误次数太多会怎么样？会不会把钱包清空？",
      "忘记PIN码了怎么办？我还有助记词备份。",
      "日志：{error}，会话{session}",
  };
  return t;
}

void add_clean(Rng& rng, std::vector<Case>& out, const std::vector<std::string>& templates, const char* name,
               std::size_t n, std::string_view joiner) {
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t parts = 1 + rng.below(4);
    std::string s;
    for (std::size_t p = 0; p < parts; ++p) {
      if (p > 0) s += joiner;
      s += fill(rng, rng.pick(templates));
    }
    out.push_back({name, s});
  }
}

}  // namespace

std::vector<Case> secrets(std::uint64_t seed) {
  Rng rng(seed);
  std::vector<Case> out;
  add_bip39_english(rng, out, 400);
  add_bip39_english_damaged(rng, out, 400);
  add_bip39_english_unicode(rng, out, 300);
  add_bip39_latin(rng, out, ListId::kSpanish, "bip39_es", 200);
  add_bip39_latin(rng, out, ListId::kFrench, "bip39_fr", 200);
  add_bip39_latin(rng, out, ListId::kItalian, "bip39_it", 200);
  add_bip39_latin(rng, out, ListId::kCzech, "bip39_cs", 200);
  add_bip39_latin(rng, out, ListId::kPortuguese, "bip39_pt", 200);
  add_bip39_japanese(rng, out, 200);
  add_bip39_korean(rng, out, 200);
  add_bip39_chinese(rng, out, ListId::kChineseSimplified, "bip39_zh_hans", 400);
  add_bip39_chinese(rng, out, ListId::kChineseTraditional, "bip39_zh_hant", 300);
  add_slip39(rng, out, 200);
  add_electrum(rng, out, 200);
  add_monero(rng, out, 200);
  add_xprv(rng, out, 200);
  add_wif(rng, out, 200);
  add_hex(rng, out, 250);
  add_pem(rng, out, 150);
  add_formats(rng, out, 100);
  add_pins(rng, out, 250);
  return out;
}

std::vector<Case> clean_texts(std::uint64_t seed) {
  Rng rng(seed ^ 0xC1EA11ULL);
  std::vector<Case> out;
  add_clean(rng, out, english_templates(), "clean_en", 3000, rng.percent(50) ? " " : "\n");
  add_clean(rng, out, chinese_templates(), "clean_zh", 3000, "");
  return out;
}

}  // namespace cc::guard::corpus
