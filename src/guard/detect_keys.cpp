// Private keys in their usual text forms: BIP32 extended keys, WIF, bare hex next to a
// word that calls it a key, and PEM blocks.
#include <algorithm>
#include <array>
#include <cstdint>

#include "guard/base58.hpp"
#include "guard/detect.hpp"

namespace cc::guard {
namespace {

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_hex(char c) noexcept {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr std::array<bool, 256> make_alnum_table() {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[static_cast<std::size_t>(c)] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
  return t;
}
constexpr auto kAlnum = make_alnum_table();
bool alnum_at(std::string_view text, std::size_t i) noexcept {
  return kAlnum[static_cast<unsigned char>(text[i])];
}

// BIP32 serialisation: version(4) depth(1) fingerprint(4) child(4) chain code(32)
// key(33) checksum(4); a private key's 33 bytes start with 0x00.
constexpr std::size_t kExtendedKeySize = 82;
constexpr std::size_t kExtendedKeyDataOffset = 45;
// xprv/tprv and the SLIP-132 variants; the first letter varies, "prv" does not.
constexpr std::string_view kExtendedPrefixFirst = "xyztuvYZUV";
// A known prefix followed by this many more characters is a key even with a typo:
// a near-miss xprv is still a key, recoverable by trying each position.
constexpr std::size_t kExtendedShapeMinTail = 100;

bool is_extended_private_key(std::string_view token) {
  // Any version bytes, as long as the checksum holds and the key data is private.
  if (token.size() >= 100 && token.size() <= 115) {
    Base58Bytes b;
    if (base58_decode(token, b) && b.bytes().size() == kExtendedKeySize &&
        base58check_valid(b.bytes()) && b.bytes()[kExtendedKeyDataOffset] == 0x00) {
      return true;
    }
  }
  for (std::size_t p = token.find("prv"); p != std::string_view::npos; p = token.find("prv", p + 1)) {
    if (p == 0 || kExtendedPrefixFirst.find(token[p - 1]) == std::string_view::npos) continue;
    if (token.size() - (p + 3) >= kExtendedShapeMinTail) return true;
  }
  return false;
}

// Wallet Import Format: version(1) key(32) [0x01 if compressed] checksum(4).
// Versions: 0x80 Bitcoin, 0xEF testnets, 0xB0 Litecoin, 0x9E Dogecoin, 0xCC Dash.
bool is_wif(std::string_view token) {
  if (token.size() != 51 && token.size() != 52) return false;
  Base58Bytes b;
  if (!base58_decode(token, b)) return false;
  const auto d = b.bytes();
  if (d.size() != 37 && !(d.size() == 38 && d[33] == 0x01)) return false;
  constexpr std::array<std::uint8_t, 5> kVersions = {0x80, 0xEF, 0xB0, 0x9E, 0xCC};
  if (std::find(kVersions.begin(), kVersions.end(), d[0]) == kVersions.end()) return false;
  return base58check_valid(d);
}

enum class Marker { kSecret, kBenign };
struct MarkerWord {
  std::string_view word;
  Marker kind;
};
// Nearest marker wins: "txid: <hex>" and "firmware hash <hex>" stay benign even when
// "private" appears further away; "key" right after "pub"/"public" is benign.
constexpr MarkerWord kMarkers[] = {
    {"private", Marker::kSecret},     {"priv", Marker::kSecret},
    {"prv", Marker::kSecret},         {"secret", Marker::kSecret},
    {"seed", Marker::kSecret},        {"wif", Marker::kSecret},
    {"key", Marker::kSecret},         {"mnemonic", Marker::kSecret},
    {"entropy", Marker::kSecret},     {"txid", Marker::kBenign},
    {"transaction", Marker::kBenign}, {"hash", Marker::kBenign},
    {"firmware", Marker::kBenign},    {"revision", Marker::kBenign},
    {"digest", Marker::kBenign},      {"commit", Marker::kBenign},
    {"block", Marker::kBenign},       {"sha256", Marker::kBenign},
    {"sha-256", Marker::kBenign},     {"fingerprint", Marker::kBenign},
    {"public", Marker::kBenign},      {"pub", Marker::kBenign},
    {"address", Marker::kBenign},     {"checksum", Marker::kBenign},
};
// kMarkers indexed by first letter, so most window positions cost one table lookup.
struct MarkersByLetter {
  struct List {
    std::array<std::uint8_t, 8> index{};
    std::size_t size = 0;
  };
  std::array<List, 26> lists{};
};
constexpr MarkersByLetter make_markers_by_letter() {
  MarkersByLetter t{};
  for (std::size_t i = 0; i < std::size(kMarkers); ++i) {
    auto& list = t.lists[static_cast<std::size_t>(kMarkers[i].word[0] - 'a')];
    list.index[list.size++] = static_cast<std::uint8_t>(i);  // overflow fails constant evaluation
  }
  return t;
}
constexpr MarkersByLetter kMarkersByLetter = make_markers_by_letter();

// A marker counts if at most this many characters lie between it and the hex.
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

bool secret_marker_nearest(std::string_view text, std::size_t start, std::size_t end) {
  const std::size_t lo = start > kReach ? start - kReach : 0;
  const std::size_t hi = std::min(text.size(), end + kReach);
  std::array<char, kReach> left{};
  std::array<char, kReach> right{};
  const std::size_t nl = start - lo;
  const std::size_t nr = hi - end;
  for (std::size_t i = 0; i < nl; ++i) left[i] = lower(text[lo + i]);
  for (std::size_t i = 0; i < nr; ++i) right[i] = lower(text[end + i]);
  const std::string_view l(left.data(), nl);
  const std::string_view r(right.data(), nr);

  std::size_t best = std::string_view::npos;
  Marker best_kind = Marker::kBenign;
  auto consider = [&](std::size_t distance, Marker kind) {
    if (distance > kMarkerWindow) return;
    if (distance < best || (distance == best && kind == Marker::kSecret)) {
      best = distance;
      best_kind = kind;
    }
  };
  auto kind_at = [](std::string_view side, std::size_t pos, const MarkerWord& m) {
    if (m.word == "key" && side.substr(pos > 8 ? pos - 8 : 0, pos > 8 ? 8 : pos).find("pub") !=
                               std::string_view::npos) {
      return Marker::kBenign;
    }
    return m.kind;
  };
  auto scan_side = [&](std::string_view side, bool left_side) {
    for (std::size_t p = 0; p < side.size(); ++p) {
      if (side[p] < 'a' || side[p] > 'z') continue;
      const MarkersByLetter::List& list = kMarkersByLetter.lists[static_cast<std::size_t>(side[p] - 'a')];
      for (std::size_t k = 0; k < list.size; ++k) {
        const MarkerWord& m = kMarkers[list.index[k]];
        if (side.substr(p, m.word.size()) != m.word) continue;
        consider(left_side ? side.size() - (p + m.word.size()) : p, kind_at(side, p, m));
      }
    }
  };
  scan_side(l, true);
  scan_side(r, false);
  return best != std::string_view::npos && best_kind == Marker::kSecret;
}

// 64 hex digits (a secp256k1/ed25519 key; 128 for a BIP39 seed) standing alone,
// optionally "0x"-prefixed, whose nearest marker word within 40 characters says
// private/secret/seed/key. A bare 64-hex string with no such word is a txid or hash.
bool is_hex_private_key(std::string_view text, std::size_t start, std::size_t len) {
  std::string_view tok = text.substr(start, len);
  if (tok.size() > 2 && tok[0] == '0' && (tok[1] == 'x' || tok[1] == 'X')) tok.remove_prefix(2);
  if (tok.size() != 64 && tok.size() != 128) return false;
  if (!std::all_of(tok.begin(), tok.end(), is_hex)) return false;
  return secret_marker_nearest(text, start, start + len);
}

}  // namespace

// One pass over the runs of ASCII letters and digits; each kind is only looked for
// in tokens of its length, so ordinary text costs a table lookup per byte.
unsigned scan_keys(std::string_view text) {
  unsigned hits = 0;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    if (!alnum_at(text, i)) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < n && alnum_at(text, j)) ++j;
    const std::size_t len = j - i;
    if (len >= 100 && is_extended_private_key(text.substr(i, len))) hits |= kKeyExtended;
    if ((len == 51 || len == 52) && is_wif(text.substr(i, len))) hits |= kKeyWif;
    if ((len == 64 || len == 66 || len == 128 || len == 130) && is_hex_private_key(text, i, len)) {
      hits |= kKeyHex;
    }
    i = j;
  }
  if (has_pem_private_key(text)) hits |= kKeyPem;
  return hits;
}

bool has_extended_private_key(std::string_view text) { return (scan_keys(text) & kKeyExtended) != 0; }
bool has_wif(std::string_view text) { return (scan_keys(text) & kKeyWif) != 0; }
bool has_hex_private_key(std::string_view text) { return (scan_keys(text) & kKeyHex) != 0; }

// "-----BEGIN <label>-----" where the label contains PRIVATE KEY: RSA, EC, DSA,
// ENCRYPTED, OPENSSH, PGP ... BLOCK. Case-insensitive, spaces after the dashes allowed.
bool has_pem_private_key(std::string_view text) {
  constexpr std::string_view kDashes = "-----";
  for (std::size_t p = text.find(kDashes); p != std::string_view::npos;) {
    std::size_t i = p + kDashes.size();
    while (i < text.size() && text[i] == '-') ++i;
    p = text.find(kDashes, i);  // next search starts after this run of dashes: linear time
    while (i < text.size() && text[i] == ' ') ++i;
    std::array<char, 64> label{};
    std::size_t n = 0;
    for (; i < text.size() && n < label.size() && text[i] != '-' && text[i] != '\n'; ++i) {
      label[n++] = lower(text[i]);
    }
    const std::string_view l(label.data(), n);
    if (l.starts_with("begin") && l.find("private key") != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace cc::guard
