#include "attest/p256.hpp"

#include <openssl/core_names.h>

#include <cstring>

namespace cc::attest {

crypto::PkeyPtr p256_public_key(std::span<const std::uint8_t> point) {
  if (point.empty()) return nullptr;
  crypto::ParamBldPtr bld(OSSL_PARAM_BLD_new());
  if (!bld || OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) != 1 ||
      OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()) != 1) {
    return nullptr;
  }
  crypto::ParamPtr params(OSSL_PARAM_BLD_to_param(bld.get()));
  crypto::PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1) return nullptr;
  EVP_PKEY* raw = nullptr;
  if (EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) return nullptr;
  crypto::PkeyPtr key(raw);
  // fromdata decodes the point; the explicit check also rejects the point at infinity.
  crypto::PkeyCtxPtr check(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
  if (!check || EVP_PKEY_public_check(check.get()) != 1) return nullptr;
  return key;
}

bool is_p256(const EVP_PKEY* key) {
  if (key == nullptr || EVP_PKEY_get_base_id(key) != EVP_PKEY_EC) return false;
  char group[64] = {};
  std::size_t len = 0;
  if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &len) != 1) {
    return false;
  }
  return std::strcmp(group, "prime256v1") == 0;
}

std::vector<std::uint8_t> uncompressed_point(const EVP_PKEY* key) {
  if (!is_p256(key)) return {};
  // From the affine coordinates, so a key read from a compressed point encodes the same.
  BIGNUM* x_raw = nullptr;
  BIGNUM* y_raw = nullptr;
  const bool got = EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_EC_PUB_X, &x_raw) == 1 &&
                   EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_EC_PUB_Y, &y_raw) == 1;
  crypto::BnPtr x(x_raw);
  crypto::BnPtr y(y_raw);
  if (!got) return {};
  std::vector<std::uint8_t> out(65);
  out[0] = 0x04;
  if (BN_bn2binpad(x.get(), out.data() + 1, 32) != 32 || BN_bn2binpad(y.get(), out.data() + 33, 32) != 32) {
    return {};
  }
  return out;
}

}  // namespace cc::attest
