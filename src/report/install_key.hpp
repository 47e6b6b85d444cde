#pragma once
// The per-install secret behind every pseudonym in a report: 32 random bytes in a
// 0600 file. Reports from one install correlate; reports from two installs do not.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cc::report {

inline constexpr std::size_t kInstallKeySize = 32;

// $XDG_CONFIG_HOME/coldcheck/install.key, else ~/.config/coldcheck/install.key.
// Throws Error{kNotFound} when neither XDG_CONFIG_HOME nor a home directory is known.
std::filesystem::path default_key_path();

// Reads the key, or creates it (missing directories 0700, file 0600, published
// atomically so a concurrent reader never sees a short key). Refuses a key that
// group or others can access, or that is not ours (kPermissionDenied), and one of
// the wrong size (kInvalidArgument). The caller owns the returned copy and should
// OPENSSL_cleanse it when done.
std::vector<std::uint8_t> load_or_create_install_key(const std::filesystem::path& path);

// The same rules for any per-install secret of `size` bytes (the signing key too);
// `what` names it in errors ("install key").
std::vector<std::uint8_t> load_or_create_secret_file(const std::filesystem::path& path, std::size_t size,
                                                     std::string_view what);

// First 8 hex digits of SHA-256(key): tells installs apart without revealing the key.
std::string key_id(std::span<const std::uint8_t> key);

}  // namespace cc::report
