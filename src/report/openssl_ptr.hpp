#pragma once
// Owning pointers for the OpenSSL handles the report library uses; each is freed exactly once.
#include <openssl/evp.h>

#include <memory>

namespace cc::report::detail {

struct EvpMacFree {
  void operator()(EVP_MAC* p) const noexcept { EVP_MAC_free(p); }
};
struct EvpMacCtxFree {
  void operator()(EVP_MAC_CTX* p) const noexcept { EVP_MAC_CTX_free(p); }
};
struct EvpMdCtxFree {
  void operator()(EVP_MD_CTX* p) const noexcept { EVP_MD_CTX_free(p); }
};

using EvpMacPtr = std::unique_ptr<EVP_MAC, EvpMacFree>;
using EvpMacCtxPtr = std::unique_ptr<EVP_MAC_CTX, EvpMacCtxFree>;
using EvpMdCtxPtr = std::unique_ptr<EVP_MD_CTX, EvpMdCtxFree>;

}  // namespace cc::report::detail
