// Key formats recognised by their structure rather than by a word next to them:
// Ethereum keystore JSON, Solana keys (base58 or a JSON array of 64 bytes), Nostr nsec,
// BIP38, Casascius mini keys, age secret keys, and key files whose armour is damaged or
// gone (a base64 body that decodes to openssh-key-v1, PKCS#8, SEC1 EC or PKCS#1 RSA).
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/sha.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <span>
#include <string>

#include "guard/base58.hpp"
#include "guard/detect.hpp"

namespace cc::guard {
namespace {

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_alnum(char c) noexcept { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_base64(char c) noexcept { return is_alnum(c) || c == '+' || c == '/'; }
bool is_bech32(char c) noexcept {
  return std::string_view("qpzry9x8gf2tvdw0s3jn54khce6mua7l").find(lower(c)) != std::string_view::npos;
}

// Case-insensitive search for a lower-case needle.
std::size_t find_nocase(std::string_view text, std::string_view needle, std::size_t from = 0) {
  if (needle.empty() || text.size() < needle.size()) return std::string_view::npos;
  for (std::size_t i = from; i + needle.size() <= text.size(); ++i) {
    if (lower(text[i]) != needle[0]) continue;
    std::size_t k = 1;
    while (k < needle.size() && lower(text[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

// memmem (two-way search) skips through a text that holds no anchor at all.
bool contains(std::string_view text, std::string_view needle) {
  return ::memmem(text.data(), text.size(), needle.data(), needle.size()) != nullptr;
}

bool is_keystore(std::string_view text) {
  // Keystore files spell their keys in lower case; a plain search keeps this cheap.
  if (!contains(text, "ciphertext")) return false;
  return find_nocase(text, "kdfparams") != std::string_view::npos ||
         find_nocase(text, "cipherparams") != std::string_view::npos;
}

// A transaction signature has the same shape as a Solana key; the word before tells.
bool signature_word_before(std::string_view text, std::size_t start) {
  const std::size_t lo = start > 48 ? start - 48 : 0;
  const std::string_view left = text.substr(lo, start - lo);
  for (const std::string_view w :
       {"signature", "sig", "tx", "transaction", "hash", "\xE7\xAD\xBE\xE5\x90\x8D", "\xE4\xBA\xA4\xE6\x98\x93"}) {
    if (find_nocase(left, w) != std::string_view::npos) return true;
  }
  return false;
}

bool is_solana_base58(std::string_view text, std::size_t start, std::string_view token) {
  if (token.size() < 86 || token.size() > 88) return false;
  Base58Bytes b;
  if (!base58_decode(token, b) || b.bytes().size() != 64) return false;
  return !signature_word_before(text, start);
}

// [12, 255, 0, ...]: a keypair file holds exactly 64 numbers 0-255.
bool is_byte_array_key(std::string_view text, std::size_t open) {
  std::size_t count = 0;
  std::size_t i = open + 1;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r')) ++i;
    std::size_t j = i;
    unsigned value = 0;
    while (j < text.size() && is_digit(text[j]) && j - i < 4)
      value = value * 10 + static_cast<unsigned>(text[j++] - '0');
    if (j == i || value > 255) return false;
    ++count;
    i = j;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r')) ++i;
    if (i < text.size() && text[i] == ']') return count == 64;
    if (i >= text.size() || text[i] != ',' || count > 64) return false;
    ++i;
  }
  return false;
}

bool is_minikey(std::string_view token) {
  if ((token.size() != 22 && token.size() != 30) || token[0] != 'S') return false;
  if (!std::all_of(token.begin(), token.end(), is_base58_char)) return false;
  std::array<unsigned char, 31> buf{};
  std::copy(token.begin(), token.end(), buf.begin());
  buf[token.size()] = '?';
  std::array<unsigned char, SHA256_DIGEST_LENGTH> md{};
  SHA256(buf.data(), token.size() + 1, md.data());
  const bool valid = md[0] == 0x00;
  OPENSSL_cleanse(buf.data(), buf.size());
  OPENSSL_cleanse(md.data(), md.size());
  return valid;
}

bool is_bip38(std::string_view token) {
  if (token.size() != 58 || token[0] != '6' || token[1] != 'P') return false;
  Base58Bytes b;
  return base58_decode(token, b) && b.bytes().size() == 43;
}

bool is_nsec(std::string_view token) {
  if (token.size() < 50 || find_nocase(token.substr(0, 5), "nsec1") != 0) return false;
  return std::all_of(token.begin() + 5, token.end(), is_bech32);
}

bool has_age_key(std::string_view text) {
  // The anchor is searched in both usual cases first (fast), then checked without case.
  if (!mentions_key(text)) return false;
  for (std::size_t p = find_nocase(text, "age-secret-key-1"); p != std::string_view::npos;
       p = find_nocase(text, "age-secret-key-1", p + 1)) {
    std::size_t i = p + 16;
    std::size_t n = 0;
    while (i < text.size() && is_bech32(text[i])) {
      ++i;
      ++n;
    }
    if (n >= 40) return true;
  }
  return false;
}

// The first bytes of a DER or OpenSSH key body. The private structures start with a
// version number where public keys and certificates start with another SEQUENCE.
bool is_private_key_body(std::span<const unsigned char> b) {
  constexpr std::string_view kOpenSsh = "openssh-key-v1";
  if (b.size() >= kOpenSsh.size() && std::equal(kOpenSsh.begin(), kOpenSsh.end(), b.begin())) return true;
  if (b.size() < 8 || b[0] != 0x30) return false;
  std::size_t off = 0;
  if (b[1] < 0x80) {
    off = 2;
  } else if (b[1] == 0x81) {
    off = 3;
  } else if (b[1] == 0x82) {
    off = 4;
  } else {
    return false;
  }
  if (off + 4 > b.size()) return false;
  if (b[off] == 0x02 && b[off + 1] == 0x01 && b[off + 2] <= 0x03) {
    const unsigned char next = b[off + 3];
    return next == 0x30 || next == 0x04 || next == 0x02;  // PKCS#8 / PKCS#12, SEC1 EC, PKCS#1 RSA
  }
  // EncryptedPrivateKeyInfo: SEQUENCE { SEQUENCE { OID pkcs5PBES2 ... } ... }.
  constexpr std::array<unsigned char, 9> kPbes2 = {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x05, 0x0D};
  return b[off] == 0x30 && std::search(b.begin(), b.end(), kPbes2.begin(), kPbes2.end()) != b.end();
}

bool is_key_body(std::string_view run) {
  if (run.size() < 60 || (run[0] != 'M' && !run.starts_with("b3Bl"))) return false;
  std::array<unsigned char, 48> in{};
  std::copy_n(run.begin(), in.size(), in.begin());
  std::array<unsigned char, 40> out{};
  const int n = EVP_DecodeBlock(out.data(), in.data(), static_cast<int>(in.size()));
  const bool key =
      n > 0 && is_private_key_body(std::span<const unsigned char>(out.data(), static_cast<std::size_t>(n)));
  OPENSSL_cleanse(in.data(), in.size());
  OPENSSL_cleanse(out.data(), out.size());
  return key;
}

}  // namespace

unsigned scan_key_formats(std::string_view text, std::span<const TokenSpan> long_tokens) {
  unsigned hits = 0;
  if (is_keystore(text)) hits |= kKeyKeystore;
  if (has_age_key(text)) hits |= kKeyAge;
  for (std::size_t at = text.find('['); at != std::string_view::npos; at = text.find('[', at + 1)) {
    if (is_byte_array_key(text, at)) hits |= kKeySolana;
  }
  std::size_t run_checked_to = 0;  // base64 runs already looked at end here
  for (const TokenSpan& t : long_tokens) {
    const std::string_view token = text.substr(t.start, t.length);
    if (is_solana_base58(text, t.start, token)) hits |= kKeySolana;
    if (is_nsec(token)) hits |= kKeyNostr;
    if (is_bip38(token)) hits |= kKeyBip38;
    if (is_minikey(token)) hits |= kKeyMini;
    if (t.start < run_checked_to) continue;
    // The base64 run this token belongs to (base64 adds '+' and '/' to the alphanumerics).
    std::size_t lo = t.start;
    while (lo > 0 && is_base64(text[lo - 1])) --lo;
    std::size_t hi = t.start + t.length;
    while (hi < text.size() && is_base64(text[hi])) ++hi;
    run_checked_to = hi;
    if (hi - lo >= 60 && is_key_body(text.substr(lo, hi - lo))) hits |= kKeyPem;
  }
  return hits;
}

}  // namespace cc::guard
