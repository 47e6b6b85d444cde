#include "service/openssl_init.hpp"

#include <openssl/crypto.h>

#include "core/error.hpp"

namespace cc::service {

void init_openssl_for_service() {
  if (OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CRYPTO_STRINGS, nullptr) != 1) {
    throw Error(ErrorCode::kInternal, "OpenSSL could not be initialised");
  }
}

}  // namespace cc::service
