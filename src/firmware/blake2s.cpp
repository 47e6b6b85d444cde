#include "firmware/blake2s.hpp"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <algorithm>
#include <string>

#include "core/error.hpp"
#include "crypto/openssl_ptr.hpp"

namespace cc::firmware {
namespace {

using crypto::MacCtxPtr;
using crypto::MacPtr;

[[noreturn]] void openssl_failure(const char* what) {
  const unsigned long code = ERR_get_error();
  ERR_clear_error();
  std::string message = std::string("BLAKE2SMAC: ") + what + " failed";
  if (code != 0) {
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    message += std::string(" (") + text + ")";
  }
  throw Error(ErrorCode::kInternal, message);
}

}  // namespace

struct Blake2sMac::Impl {
  MacCtxPtr ctx;
  bool finished = false;
};

void check_challenge(std::span<const std::uint8_t> key) {
  // With an empty challenge the device falls back to unkeyed BLAKE2s, which a
  // precomputed answer could satisfy; a check needs a fresh 1..32-byte key.
  if (key.empty() || key.size() > kBlake2sMaxKeySize) {
    throw Error(ErrorCode::kInvalidArgument,
                "firmware hash: challenge must be 1..32 bytes, got " + std::to_string(key.size()));
  }
}

Blake2sMac::Blake2sMac(std::span<const std::uint8_t> key) {
  check_challenge(key);
  const MacPtr mac(EVP_MAC_fetch(nullptr, "BLAKE2SMAC", nullptr));
  if (!mac) openssl_failure("EVP_MAC_fetch");
  auto impl = std::make_unique<Impl>();
  impl->ctx.reset(EVP_MAC_CTX_new(mac.get()));
  if (!impl->ctx) openssl_failure("EVP_MAC_CTX_new");
  std::size_t size = kBlake2sDigestSize;
  const OSSL_PARAM params[] = {OSSL_PARAM_construct_size_t(OSSL_MAC_PARAM_SIZE, &size), OSSL_PARAM_construct_end()};
  if (EVP_MAC_init(impl->ctx.get(), key.data(), key.size(), params) != 1) openssl_failure("EVP_MAC_init");
  impl_ = std::move(impl);
}

Blake2sMac::~Blake2sMac() = default;
Blake2sMac::Blake2sMac(Blake2sMac&&) noexcept = default;
Blake2sMac& Blake2sMac::operator=(Blake2sMac&&) noexcept = default;

void Blake2sMac::update(std::span<const std::uint8_t> data) {
  if (!impl_ || impl_->finished) throw Error(ErrorCode::kInternal, "BLAKE2SMAC: update after finish");
  if (data.empty()) return;
  if (EVP_MAC_update(impl_->ctx.get(), data.data(), data.size()) != 1) openssl_failure("EVP_MAC_update");
}

void Blake2sMac::update_repeated(std::uint8_t byte, std::size_t count) {
  std::array<std::uint8_t, 4096> chunk;
  chunk.fill(byte);
  while (count > 0) {
    const std::size_t n = std::min(count, chunk.size());
    update(std::span<const std::uint8_t>(chunk.data(), n));
    count -= n;
  }
}

Blake2sDigest Blake2sMac::finish() {
  if (!impl_ || impl_->finished) throw Error(ErrorCode::kInternal, "BLAKE2SMAC: finish called twice");
  Blake2sDigest out{};
  std::size_t written = 0;
  if (EVP_MAC_final(impl_->ctx.get(), out.data(), &written, out.size()) != 1) openssl_failure("EVP_MAC_final");
  if (written != out.size()) throw Error(ErrorCode::kInternal, "BLAKE2SMAC: short digest");
  impl_->finished = true;
  return out;
}

Blake2sDigest blake2s_keyed(std::span<const std::uint8_t> key, std::span<const std::uint8_t> data) {
  Blake2sMac mac(key);
  mac.update(data);
  return mac.finish();
}

}  // namespace cc::firmware
