#include "report/pseudonym.hpp"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/params.h>

#include <array>

#include "core/error.hpp"
#include "core/hex.hpp"

namespace cc::report {

Pseudonymizer::Pseudonymizer(std::span<const std::uint8_t> key)
    : key_(key.begin(), key.end()), mac_(EVP_MAC_fetch(nullptr, "HMAC", nullptr)) {
  if (key_.empty()) throw Error(ErrorCode::kInvalidArgument, "pseudonym key is empty");
  if (!mac_) throw Error(ErrorCode::kInternal, "OpenSSL has no HMAC");
}

Pseudonymizer::~Pseudonymizer() {
  if (!key_.empty()) OPENSSL_cleanse(key_.data(), key_.size());
}

std::string Pseudonymizer::operator()(std::string_view kind, std::string_view value) const {
  if (!mac_) throw Error(ErrorCode::kInternal, "use of a moved-from Pseudonymizer");
  crypto::MacCtxPtr ctx(EVP_MAC_CTX_new(mac_.get()));
  char digest_name[] = "SHA256";
  const std::array<OSSL_PARAM, 2> params = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name, 0),
      OSSL_PARAM_construct_end(),
  };
  const std::uint8_t separator = 0;
  std::array<std::uint8_t, 32> out{};
  std::size_t out_len = 0;
  if (!ctx || EVP_MAC_init(ctx.get(), key_.data(), key_.size(), params.data()) != 1 ||
      EVP_MAC_update(ctx.get(), reinterpret_cast<const unsigned char*>(kind.data()), kind.size()) != 1 ||
      EVP_MAC_update(ctx.get(), &separator, 1) != 1 ||
      EVP_MAC_update(ctx.get(), reinterpret_cast<const unsigned char*>(value.data()), value.size()) != 1 ||
      EVP_MAC_final(ctx.get(), out.data(), &out_len, out.size()) != 1 || out_len != out.size()) {
    throw Error(ErrorCode::kInternal, "HMAC-SHA256 failed in OpenSSL");
  }
  std::string result(kind);
  result += '-';
  result += to_hex(std::span<const std::uint8_t>(out.data(), 6));
  return result;
}

}  // namespace cc::report
