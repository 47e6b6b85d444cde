// Private keys in their usual text forms: BIP32 extended keys (whole, damaged, wrapped
// or split), WIF (also with a typo), hex next to a word that calls it a key (whole,
// spaced or split), and PEM armour; the structural formats are in detect_formats.cpp.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

#include "guard/base58.hpp"
#include "guard/detect.hpp"

namespace cc::guard {
namespace {

constexpr std::array<bool, 256> make_hex_table() {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[static_cast<std::size_t>(c)] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
  return t;
}
constexpr auto kHex = make_hex_table();
bool is_hex(char c) noexcept { return kHex[static_cast<unsigned char>(c)]; }
bool is_letter(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr std::array<bool, 256> make_alnum_table() {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[static_cast<std::size_t>(c)] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
  return t;
}
constexpr auto kAlnum = make_alnum_table();
bool alnum_at(std::string_view text, std::size_t i) noexcept { return kAlnum[static_cast<unsigned char>(text[i])]; }
bool all_base58(std::string_view s) noexcept { return std::all_of(s.begin(), s.end(), is_base58_char); }

// BIP32 serialisation: version(4) depth(1) fingerprint(4) child(4) chain code(32)
// key(33) checksum(4); a private key's 33 bytes start with 0x00.
constexpr std::size_t kExtendedKeySize = 82;
constexpr std::size_t kExtendedKeyDataOffset = 45;
// xprv/tprv and the SLIP-132 variants; the first letter varies, "prv" does not.
constexpr std::string_view kExtendedPrefixFirst = "xyztuvYZUV";
// A known prefix followed by this many more characters is a key even with a typo or a
// few characters lost: a near-miss xprv is still a key, recoverable by trying each position.
constexpr std::size_t kExtendedShapeMinLength = 100;

bool has_extended_prefix(std::string_view token) noexcept {
  // Asked of every token: "prv" first, byte by byte, so that almost none goes further.
  return token.size() >= 4 && token[1] == 'p' && token[2] == 'r' && token[3] == 'v' &&
         kExtendedPrefixFirst.find(token[0]) != std::string_view::npos;
}

bool is_extended_private_key(std::string_view token) {
  // Any version bytes, as long as the checksum holds and the key data is private.
  if (token.size() >= 100 && token.size() <= 115) {
    Base58Bytes b;
    if (base58_decode(token, b) && b.bytes().size() == kExtendedKeySize && base58check_valid(b.bytes()) &&
        b.bytes()[kExtendedKeyDataOffset] == 0x00) {
      return true;
    }
  }
  for (std::size_t p = token.find("prv"); p != std::string_view::npos; p = token.find("prv", p + 1)) {
    if (p == 0 || kExtendedPrefixFirst.find(token[p - 1]) == std::string_view::npos) continue;
    if (token.size() - (p - 1) >= kExtendedShapeMinLength) return true;
  }
  return false;
}

// An xprv broken over lines or into groups: the prefix starts a token and the following
// base58 tokens, separated only by spaces, line breaks or '-', make it long enough.
bool is_split_extended_key(std::string_view text, std::size_t start, std::size_t end) {
  if (!has_extended_prefix(text.substr(start, end - start)) || !all_base58(text.substr(start, end - start))) {
    return false;
  }
  std::size_t total = end - start;
  std::size_t i = end;
  while (total < kExtendedShapeMinLength && i < text.size()) {
    std::size_t j = i;
    std::size_t gap = 0;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\n' || text[j] == '\r' || text[j] == '-' ||
                               text[j] == '\\' || text[j] == '"' || text[j] == '+' || text[j] == ',')) {
      ++j;
      ++gap;
    }
    if (gap == 0 || gap > 6) return false;
    std::size_t k = j;
    while (k < text.size() && alnum_at(text, k)) ++k;
    if (k == j || !all_base58(text.substr(j, k - j))) return false;
    total += k - j;
    i = k;
  }
  return total >= kExtendedShapeMinLength;
}

// Wallet Import Format: version(1) key(32) [0x01 if compressed] checksum(4).
// Versions: 0x80 Bitcoin, 0xEF testnets, 0xB0 Litecoin, 0x9E Dogecoin, 0xCC Dash. The
// checksum is not required: a WIF with one character mistyped is still the key.
bool is_wif(std::string_view token) {
  if (token.size() != 51 && token.size() != 52) return false;
  Base58Bytes b;
  if (!base58_decode(token, b)) return false;
  const auto d = b.bytes();
  if (d.size() != 37 && d.size() != 38) return false;
  constexpr std::array<std::uint8_t, 5> kVersions = {0x80, 0xEF, 0xB0, 0x9E, 0xCC};
  return std::find(kVersions.begin(), kVersions.end(), d[0]) != kVersions.end();
}

enum class Marker { kSecret, kSecretStrong, kBenign };
struct MarkerWord {
  std::string_view word;
  Marker kind;
  bool whole_word = false;  // short markers count only as a word of their own
};
// Nearest marker wins: "txid: <hex>" and "firmware hash <hex>" stay benign even when
// "private" appears further away; "key" right after "pub"/"public" is benign. Strong
// markers also make 32 hex digits (128-bit entropy) a secret.
constexpr MarkerWord kMarkers[] = {
    {"private", Marker::kSecretStrong},
    {"priv", Marker::kSecretStrong},
    {"prv", Marker::kSecret},
    {"secret", Marker::kSecretStrong},
    {"seed", Marker::kSecretStrong},
    {"wif", Marker::kSecret},
    {"key", Marker::kSecret},
    {"mnemonic", Marker::kSecretStrong},
    {"entropy", Marker::kSecretStrong},
    {"pk", Marker::kSecret, true},
    {"sk", Marker::kSecret, true},
    {"\xE7\xA7\x81\xE9\x92\xA5", Marker::kSecretStrong},  // 私钥
    {"\xE7\xA7\x81\xE9\x91\xB0", Marker::kSecretStrong},  // 私鑰
    {"\xE5\xAF\x86\xE9\x92\xA5", Marker::kSecretStrong},  // 密钥
    {"\xE5\xAF\x86\xE9\x91\xB0", Marker::kSecretStrong},  // 密鑰
    {"\xE7\xA7\x98\xE9\x92\xA5", Marker::kSecretStrong},  // 秘钥
    {"\xE7\x86\xB5", Marker::kSecretStrong},              // 熵
    {"\xE7\xA7\x8D\xE5\xAD\x90", Marker::kSecretStrong},  // 种子
    {"txid", Marker::kBenign},
    {"transaction", Marker::kBenign},
    {"hash", Marker::kBenign},
    {"firmware", Marker::kBenign},
    {"revision", Marker::kBenign},
    {"digest", Marker::kBenign},
    {"commit", Marker::kBenign},
    {"block", Marker::kBenign},
    {"sha256", Marker::kBenign},
    {"sha-256", Marker::kBenign},
    {"fingerprint", Marker::kBenign},
    {"public", Marker::kBenign},
    {"pub", Marker::kBenign},
    {"address", Marker::kBenign},
    {"checksum", Marker::kBenign},
    {"session", Marker::kBenign},
    {"\xE4\xBA\xA4\xE6\x98\x93", Marker::kBenign},  // 交易
    {"\xE5\x93\x88\xE5\xB8\x8C", Marker::kBenign},  // 哈希
    {"\xE5\x85\xAC\xE9\x92\xA5", Marker::kBenign},  // 公钥
    {"\xE5\x85\xAC\xE9\x91\xB0", Marker::kBenign},  // 公鑰
    {"\xE5\x9C\xB0\xE5\x9D\x80", Marker::kBenign},  // 地址
    {"\xE5\x9B\xBA\xE4\xBB\xB6", Marker::kBenign},  // 固件
};

// A marker counts if at most this many bytes lie between it and the hex.
constexpr std::size_t kMarkerWindow = 40;
constexpr std::size_t kLongestMarker = 11;
constexpr std::size_t kReach = kMarkerWindow + kLongestMarker;
constexpr bool markers_fit() {
  for (const MarkerWord& m : kMarkers) {
    if (m.word.size() > kLongestMarker) return false;
  }
  return true;
}
static_assert(markers_fit());

// Markers by their first byte, so that each side of the hex is read once: at every
// position only the few markers that can start there are compared.
constexpr std::size_t kMaxMarkersPerByte = 8;
struct MarkerStarts {
  std::array<std::array<std::uint8_t, kMaxMarkersPerByte>, 256> index{};
  std::array<std::uint8_t, 256> count{};
};
constexpr MarkerStarts make_marker_starts() {
  MarkerStarts t{};
  for (std::size_t m = 0; m < std::size(kMarkers); ++m) {
    const auto b = static_cast<unsigned char>(kMarkers[m].word[0]);
    t.index[b][t.count[b]++] = static_cast<std::uint8_t>(m);
  }
  return t;
}
constexpr bool marker_starts_fit() {
  std::array<std::size_t, 256> n{};
  for (const MarkerWord& m : kMarkers) {
    if (++n[static_cast<unsigned char>(m.word[0])] > kMaxMarkersPerByte) return false;
  }
  return true;
}
static_assert(marker_starts_fit());
constexpr MarkerStarts kMarkerStarts = make_marker_starts();

// "key" at the end of a brand that has it in its name ("KeepKey", "OneKey") calls
// nothing a key: a KeepKey report names its maker right beside its firmware hash.
bool key_ends_a_brand(std::string_view side, std::size_t key_pos) noexcept {
  const std::string_view before = side.substr(0, key_pos);
  return before.ends_with("keep") || before.ends_with("one");
}

// Where a sentence stop (". ", "? ", "! ") last starts in s, or npos.
std::size_t last_stop(std::string_view s) noexcept {
  for (std::size_t a = s.size(); a >= 2; --a) {
    const char c = s[a - 2];
    if (s[a - 1] == ' ' && (c == '.' || c == '?' || c == '!')) return a - 2;
  }
  return std::string_view::npos;
}
std::size_t first_stop(std::string_view s) noexcept {
  for (std::size_t b = 0; b + 1 < s.size(); ++b) {
    const char c = s[b];
    if (s[b + 1] == ' ' && (c == '.' || c == '?' || c == '!')) return b;
  }
  return std::string_view::npos;
}

// The kind of the marker nearest to text[start, end), or kBenign if there is none.
Marker nearest_marker(std::string_view text, std::size_t start, std::size_t end) {
  const std::size_t lo = start > kReach ? start - kReach : 0;
  const std::size_t hi = std::min(text.size(), end + kReach);
  std::array<char, kReach> left{};
  std::array<char, kReach> right{};
  const std::size_t nl = start - lo;
  const std::size_t nr = hi - end;
  for (std::size_t i = 0; i < nl; ++i) left[i] = lower(text[lo + i]);
  for (std::size_t i = 0; i < nr; ++i) right[i] = lower(text[end + i]);
  std::string_view l(left.data(), nl);
  std::string_view r(right.data(), nr);
  // Markers belong to their own sentence.
  if (const std::size_t a = last_stop(l); a != std::string_view::npos) l.remove_prefix(a + 2);
  if (const std::size_t b = first_stop(r); b != std::string_view::npos) r = r.substr(0, b);
  if (const std::size_t nl_at = r.find('\n'); nl_at != std::string_view::npos) r = r.substr(0, nl_at);
  // A marker right before the hex ("checksum: <hex>", "private key=<hex>") decides alone.
  std::size_t glue = l.size();
  while (glue > 0 && l.size() - glue < 4 &&
         (l[glue - 1] == ' ' || l[glue - 1] == ':' || l[glue - 1] == '=' || l[glue - 1] == '"' || l[glue - 1] == '\'' ||
          l[glue - 1] == '\n')) {
    --glue;
  }
  for (const MarkerWord& m : kMarkers) {
    if (glue >= m.word.size() && l.substr(glue - m.word.size(), m.word.size()) == m.word &&
        (glue == m.word.size() || !is_letter(l[glue - m.word.size() - 1]) || !m.whole_word)) {
      if (m.word == "key") {
        if (l.substr(0, glue - 3).ends_with("pub")) return Marker::kBenign;
        if (l.substr(0, glue - 3).ends_with("public ")) return Marker::kBenign;
        if (key_ends_a_brand(l, glue - 3)) continue;
      }
      return m.kind;
    }
  }

  std::size_t best = std::string_view::npos;
  Marker best_kind = Marker::kBenign;
  bool found = false;
  auto consider = [&](std::size_t distance, Marker kind) {
    if (distance > kMarkerWindow) return;
    const bool secret = kind != Marker::kBenign;
    if (!found || distance < best || (distance == best && secret)) {
      best = distance;
      best_kind = kind;
      found = true;
    }
  };
  auto scan_side = [&](std::string_view side, bool left_side) {
    for (std::size_t p = 0; p < side.size(); ++p) {
      const auto b = static_cast<unsigned char>(side[p]);
      for (std::size_t k = 0; k < kMarkerStarts.count[b]; ++k) {
        const MarkerWord& m = kMarkers[kMarkerStarts.index[b][k]];
        if (side.compare(p, m.word.size(), m.word) != 0) continue;
        const std::size_t after = p + m.word.size();
        if (m.whole_word && ((p > 0 && is_letter(side[p - 1])) || (after < side.size() && is_letter(side[after])))) {
          continue;
        }
        Marker kind = m.kind;
        if (m.word == "key") {
          if (key_ends_a_brand(side, p)) continue;
          if (side.substr(p > 8 ? p - 8 : 0, p > 8 ? 8 : p).find("pub") != std::string_view::npos)
            kind = Marker::kBenign;
        }
        consider(left_side ? side.size() - after : p, kind);
      }
    }
  };
  scan_side(l, true);
  scan_side(r, false);
  return found ? best_kind : Marker::kBenign;
}

bool hex_length_is_key(std::size_t digits) noexcept { return digits == 64 || digits == 128; }

// 64 hex digits (a secp256k1/ed25519 key; 128 for a BIP39 seed) standing alone,
// optionally "0x"-prefixed, whose nearest marker word says private/secret/seed/key;
// 32 hex digits (entropy) only next to a strong marker. A bare 64-hex string with no
// such word is a txid or hash.
bool is_hex_private_key(std::string_view text, std::size_t start, std::size_t len) {
  std::string_view tok = text.substr(start, len);
  if (tok.size() > 2 && tok[0] == '0' && (tok[1] == 'x' || tok[1] == 'X')) tok.remove_prefix(2);
  if (tok.size() != 32 && !hex_length_is_key(tok.size())) return false;
  if (!std::all_of(tok.begin(), tok.end(), is_hex)) return false;
  const Marker m = nearest_marker(text, start, start + len);
  if (tok.size() == 32) return m == Marker::kSecretStrong;
  return m != Marker::kBenign;
}

bool all_hex(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (const char c : s) {
    if (!is_hex(c)) return false;
  }
  return true;
}

// Hex written in groups ("0c28 fca3 86c7 ..." or "0c:28:fc" or over two lines): groups
// of 2+ hex digits joined by one separator that add up to a key's length.
bool is_split_hex_key(std::string_view text, std::size_t start, std::size_t end) {
  std::size_t digits = end - start;
  std::size_t groups = 1;
  std::size_t i = end;
  while (digits < 128 && i < text.size()) {
    std::size_t j = i;
    while (j < text.size() && j - i < 3 && (text[j] == ' ' || text[j] == ':' || text[j] == '-' || text[j] == '\n')) ++j;
    if (j == i) break;
    std::size_t k = j;
    while (k < text.size() && alnum_at(text, k)) ++k;
    if (k - j < 2 || !all_hex(text.substr(j, k - j))) break;
    digits += k - j;
    ++groups;
    i = k;
    if (hex_length_is_key(digits)) {
      if (nearest_marker(text, start, i) != Marker::kBenign) return true;
    }
  }
  return false;
}

}  // namespace

// "key" in any case, in one pass: every armour and the age format say it.
bool mentions_key(std::string_view text) noexcept {
  // memchr skips to each 'k' and 'K'; most text has few of them.
  const char* const end = text.data() + text.size();
  for (const int k : {'k', 'K'}) {
    const char* p = text.data();
    while (end - p >= 3) {
      p = static_cast<const char*>(std::memchr(p, k, static_cast<std::size_t>(end - p - 2)));
      if (p == nullptr) break;
      if ((p[1] | 0x20) == 'e' && (p[2] | 0x20) == 'y') return true;
      ++p;
    }
  }
  return false;
}

// One pass over the runs of ASCII letters and digits; each kind is only looked for
// in tokens of its length, so ordinary text costs a table lookup per byte.
unsigned scan_keys(std::string_view text) {
  unsigned hits = 0;
  std::size_t i = 0;
  const std::size_t n = text.size();
  bool previous_was_hex_group = false;
  std::vector<TokenSpan> long_tokens;  // for the structural formats
  while (i < n) {
    if (!alnum_at(text, i)) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < n && alnum_at(text, j)) ++j;
    const std::size_t len = j - i;
    const std::string_view tok = text.substr(i, len);
    if (len >= kFormatMinToken) long_tokens.push_back({i, len});
    if (len >= 100 && is_extended_private_key(tok)) hits |= kKeyExtended;
    if (len >= 4 && len < 100 && is_split_extended_key(text, i, j)) hits |= kKeyExtended;
    if ((len == 51 || len == 52) && is_wif(tok)) hits |= kKeyWif;
    if ((len == 32 || len == 34 || len == 64 || len == 66 || len == 128 || len == 130) &&
        is_hex_private_key(text, i, len)) {
      hits |= kKeyHex;
    }
    const bool prefixed = len > 2 && tok[0] == '0' && (tok[1] == 'x' || tok[1] == 'X');
    const bool hex_group = len >= 2 && len < 64 && all_hex(prefixed ? tok.substr(2) : tok);
    if (hex_group && !previous_was_hex_group && is_split_hex_key(text, prefixed ? i + 2 : i, j)) hits |= kKeyHex;
    previous_was_hex_group = hex_group && j < n && (text[j] == ' ' || text[j] == ':' || text[j] == '-');
    i = j;
  }
  if (has_pem_private_key(text)) hits |= kKeyPem;
  hits |= scan_key_formats(text, long_tokens);
  return hits;
}

bool has_extended_private_key(std::string_view text) { return (scan_keys(text) & kKeyExtended) != 0; }
bool has_wif(std::string_view text) { return (scan_keys(text) & kKeyWif) != 0; }
bool has_hex_private_key(std::string_view text) { return (scan_keys(text) & kKeyHex) != 0; }

// "-----BEGIN <label>-----" where the label contains PRIVATE KEY: RSA, EC, DSA,
// ENCRYPTED, OPENSSH, PGP ... BLOCK. Case-insensitive; the dashes may be damaged or
// missing ("BEGIN OPENSSH PRIVATE KEY", "--BEGIN EC PRIVATE KEY", "END RSA PRIVATE KEY").
bool has_pem_private_key(std::string_view text) {
  // Armour always says "private key" (PRIVATE KEY, Private Key): without it, nothing to find.
  auto contains = [text](std::string_view needle) {
    return ::memmem(text.data(), text.size(), needle.data(), needle.size()) != nullptr;
  };
  if (!contains("IVATE K") && !contains("ivate ")) return false;
  for (std::size_t p = 0; p + 11 <= text.size(); ++p) {
    const char c = lower(text[p]);
    if ((c != 'b' && c != 'e') || (p > 0 && is_letter(text[p - 1]))) continue;
    const std::string_view keyword = c == 'b' ? "begin" : "end";
    std::size_t i = p;
    bool match = true;
    for (const char k : keyword) {
      if (i >= text.size() || lower(text[i]) != k) {
        match = false;
        break;
      }
      ++i;
    }
    if (!match || (p > 0 && is_letter(text[p - 1]))) continue;
    if (i < text.size() && text[i] != ' ' && text[i] != '-') continue;
    // Armour is upper case; prose that says "begin ... private key" is not, unless dashes
    // make it armour anyway.
    const bool dashed = p >= 2 && text[p - 1] == '-' && text[p - 2] == '-';
    bool upper = text[p] >= 'A' && text[p] <= 'Z';
    // Up to three label words, then "private key".
    std::array<char, 64> label{};
    std::size_t n = 0;
    while (i < text.size() && n < label.size() && text[i] != '\n' &&
           (is_letter(text[i]) || text[i] == ' ' || text[i] == '-')) {
      label[n++] = lower(text[i++]);
    }
    std::string_view l(label.data(), n);
    std::size_t skipped = 0;
    while (!l.empty() && (l.front() == ' ' || l.front() == '-')) {
      l.remove_prefix(1);
      ++skipped;
    }
    const std::size_t at = l.find("private key");
    if (at == std::string_view::npos) continue;
    const std::size_t label_start = p + keyword.size() + skipped;
    for (std::size_t k = label_start; k < label_start + at + 11 && k < text.size(); ++k) {
      if (text[k] >= 'a' && text[k] <= 'z') upper = false;
    }
    const std::string_view before = l.substr(0, at);
    if ((upper || dashed) && std::count(before.begin(), before.end(), ' ') <= 3) return true;
  }
  return false;
}

}  // namespace cc::guard
