#include <openssl/pem.h>

#include "attest/attest.hpp"
#include "crypto/openssl_ptr.hpp"
#include "core/error.hpp"

namespace cc::attest {

std::vector<std::uint8_t> sign_for_test(std::string_view private_key_pem, std::span<const std::uint8_t> challenge) {
  crypto::BioPtr bio(BIO_new_mem_buf(private_key_pem.data(), static_cast<int>(private_key_pem.size())));
  if (!bio) throw Error(ErrorCode::kInternal, "out of memory");
  crypto::PkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_EC) {
    throw Error(ErrorCode::kInvalidArgument, "attestation test key is not an EC private key PEM");
  }
  const std::vector<std::uint8_t> message = authenticate_message(challenge);
  crypto::MdCtxPtr ctx(EVP_MD_CTX_new());
  std::size_t len = 0;
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &len, message.data(), message.size()) != 1) {
    throw Error(ErrorCode::kInternal, "cannot sign the attestation challenge");
  }
  std::vector<std::uint8_t> sig(len);
  if (EVP_DigestSign(ctx.get(), sig.data(), &len, message.data(), message.size()) != 1) {
    throw Error(ErrorCode::kInternal, "cannot sign the attestation challenge");
  }
  sig.resize(len);
  return sig;
}

}  // namespace cc::attest
