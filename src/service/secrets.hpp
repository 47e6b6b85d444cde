#pragma once
// The service's secrets: the per-install API token (a 0600 file beside the install key),
// one-time login codes and session cookies (random, in memory only), compared in
// constant time so a timing side channel cannot guess them byte by byte.
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace cc::service {

// $XDG_CONFIG_HOME/coldcheck/service.token, else ~/.config/coldcheck/service.token.
std::filesystem::path default_token_path();

// The token as API clients send it (64 hex digits), read from or created in `path`
// with the install key's rules (0600, ours, atomic).
std::string load_or_create_token(const std::filesystem::path& path);

// `bytes` random bytes as hex (OpenSSL's CSPRNG).
std::string random_hex(std::size_t bytes);

// Equal without an early exit over the content, so the position of the first difference
// does not leak through the time taken. The lengths may: a token, a login code and a
// session are each a fixed, public number of hex digits.
bool secrets_equal(std::string_view a, std::string_view b) noexcept;

// One-time login codes and the sessions they open. Thread-safe.
class Sessions {
 public:
  // A new code; it opens one session and is gone.
  std::string new_login_code();
  // The session cookie value for `code`, when it is a live code (used up now).
  std::optional<std::string> redeem(std::string_view code);
  bool valid_session(std::string_view cookie_value) const;

 private:
  mutable std::mutex mutex_;
  std::unordered_set<std::string> codes_;
  std::unordered_set<std::string> sessions_;
};

}  // namespace cc::service
