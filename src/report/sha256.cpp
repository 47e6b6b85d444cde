#include "report/sha256.hpp"

#include <openssl/evp.h>

#include "core/error.hpp"
#include "crypto/openssl_ptr.hpp"

namespace cc::report {

Sha256Digest sha256(std::span<const std::uint8_t> bytes) {
  crypto::MdCtxPtr ctx(EVP_MD_CTX_new());
  Sha256Digest out{};
  unsigned int len = 0;
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), bytes.data(), bytes.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), out.data(), &len) != 1 || len != out.size()) {
    throw Error(ErrorCode::kInternal, "SHA-256 failed in OpenSSL");
  }
  return out;
}

Sha256Digest sha256(std::string_view bytes) {
  return sha256(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
}

}  // namespace cc::report
