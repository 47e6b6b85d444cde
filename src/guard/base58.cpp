#include "guard/base58.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace cc::guard {
namespace {

constexpr std::string_view kAlphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

constexpr std::array<std::int8_t, 128> make_digits() {
  std::array<std::int8_t, 128> d{};
  for (auto& v : d) v = -1;
  for (std::size_t i = 0; i < kAlphabet.size(); ++i) {
    d[static_cast<unsigned char>(kAlphabet[i])] = static_cast<std::int8_t>(i);
  }
  return d;
}
constexpr auto kDigits = make_digits();

int digit(char c) noexcept {
  const auto u = static_cast<unsigned char>(c);
  return u < 128 ? kDigits[u] : -1;
}

}  // namespace

Base58Bytes::~Base58Bytes() { OPENSSL_cleanse(buf_.data(), buf_.size()); }

bool is_base58_char(char c) noexcept { return digit(c) >= 0; }

bool base58_decode(std::string_view text, Base58Bytes& out) noexcept {
  out.size_ = 0;
  if (text.empty() || text.size() > kBase58MaxChars) return false;
  std::size_t zeros = 0;
  while (zeros < text.size() && text[zeros] == '1') ++zeros;
  // Big-endian accumulator; log(58)/log(256) < 0.733, so text.size() bytes is plenty.
  std::array<std::uint8_t, kBase58MaxChars> acc{};
  std::size_t used = 0;  // significant bytes, stored at the end of acc
  for (const char c : text) {
    const int d = digit(c);
    if (d < 0) {
      OPENSSL_cleanse(acc.data(), acc.size());
      return false;
    }
    unsigned carry = static_cast<unsigned>(d);
    std::size_t k = 0;
    for (std::size_t i = acc.size(); i-- > 0 && (carry != 0 || k < used); ++k) {
      carry += 58u * acc[i];
      acc[i] = static_cast<std::uint8_t>(carry & 0xFFu);
      carry >>= 8;
    }
    used = k;
  }
  const std::size_t total = zeros + used;
  if (total > out.buf_.size()) {
    OPENSSL_cleanse(acc.data(), acc.size());
    return false;
  }
  for (std::size_t i = 0; i < zeros; ++i) out.buf_[i] = 0;
  for (std::size_t i = 0; i < used; ++i) out.buf_[zeros + i] = acc[acc.size() - used + i];
  out.size_ = total;
  OPENSSL_cleanse(acc.data(), acc.size());
  return true;
}

bool base58check_valid(std::span<const std::uint8_t> decoded) noexcept {
  if (decoded.size() < 5) return false;
  const std::size_t n = decoded.size() - 4;
  unsigned char h1[EVP_MAX_MD_SIZE];
  unsigned char h2[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(decoded.data(), n, h1, &len, EVP_sha256(), nullptr) != 1) return false;
  if (EVP_Digest(h1, len, h2, &len, EVP_sha256(), nullptr) != 1) return false;
  bool ok = true;
  for (std::size_t i = 0; i < 4; ++i) ok = ok && h2[i] == decoded[n + i];
  OPENSSL_cleanse(h1, sizeof h1);
  OPENSSL_cleanse(h2, sizeof h2);
  return ok;
}

}  // namespace cc::guard
