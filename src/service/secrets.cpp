#include "service/secrets.hpp"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <cstdlib>
#include <vector>

#include "core/error.hpp"
#include "core/hex.hpp"
#include "report/install_key.hpp"

namespace cc::service {

std::filesystem::path default_token_path() { return report::default_key_path().parent_path() / "service.token"; }

std::string load_or_create_token(const std::filesystem::path& path) {
  auto raw = report::load_or_create_secret_file(path, 32, "service token");
  auto token = to_hex(raw);
  OPENSSL_cleanse(raw.data(), raw.size());
  return token;
}

std::string random_hex(std::size_t bytes) {
  std::vector<std::uint8_t> raw(bytes);
  if (RAND_bytes(raw.data(), static_cast<int>(raw.size())) != 1) {
    throw Error(ErrorCode::kInternal, "the random number generator failed");
  }
  auto text = to_hex(raw);
  OPENSSL_cleanse(raw.data(), raw.size());
  return text;
}

bool secrets_equal(std::string_view a, std::string_view b) noexcept {
  // The lengths are public (every secret here is a fixed number of hex digits); the
  // content is compared without an early exit.
  if (a.size() != b.size()) return false;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

namespace {
// Finds `value` in `set` comparing every member in constant time, so a lookup does not
// leak through hashing or early exits how close a guess came.
template <typename Set>
typename Set::const_iterator find_secret(const Set& set, std::string_view value) {
  auto found = set.end();
  for (auto it = set.begin(); it != set.end(); ++it) {
    if (secrets_equal(*it, value)) found = it;
  }
  return found;
}
}  // namespace

std::string Sessions::new_login_code() {
  auto code = random_hex(24);
  const std::lock_guard lock(mutex_);
  codes_.insert(code);
  return code;
}

std::optional<std::string> Sessions::redeem(std::string_view code) {
  const std::lock_guard lock(mutex_);
  const auto it = find_secret(codes_, code);
  if (it == codes_.end()) return std::nullopt;
  codes_.erase(it);
  auto session = random_hex(32);
  sessions_.insert(session);
  return session;
}

bool Sessions::valid_session(std::string_view cookie_value) const {
  const std::lock_guard lock(mutex_);
  return find_secret(sessions_, cookie_value) != sessions_.end();
}

}  // namespace cc::service
