#pragma once
// Keyed BLAKE2s-256 (RFC 7693) through OpenSSL 3's EVP_MAC "BLAKE2SMAC": the MAC a
// Trezor computes over its firmware area for GetFirmwareHash.
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

namespace cc::firmware {

inline constexpr std::size_t kBlake2sDigestSize = 32;
inline constexpr std::size_t kBlake2sMaxKeySize = 32;
using Blake2sDigest = std::array<std::uint8_t, kBlake2sDigestSize>;

// Streaming MAC. The key must be 1..32 bytes (cc::Error{kInvalidArgument} otherwise);
// OpenSSL failures are cc::Error{kInternal}.
class Blake2sMac {
 public:
  explicit Blake2sMac(std::span<const std::uint8_t> key);
  ~Blake2sMac();
  Blake2sMac(Blake2sMac&&) noexcept;
  Blake2sMac& operator=(Blake2sMac&&) noexcept;
  Blake2sMac(const Blake2sMac&) = delete;
  Blake2sMac& operator=(const Blake2sMac&) = delete;

  void update(std::span<const std::uint8_t> data);
  // Feeds `count` copies of `byte` without a buffer of that size (flash padding).
  void update_repeated(std::uint8_t byte, std::size_t count);
  // Ends the MAC; the object cannot be updated afterwards.
  Blake2sDigest finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Throws cc::Error{kInvalidArgument} unless 1 <= key.size() <= 32.
void check_challenge(std::span<const std::uint8_t> key);

// One-shot form of Blake2sMac.
Blake2sDigest blake2s_keyed(std::span<const std::uint8_t> key, std::span<const std::uint8_t> data);

}  // namespace cc::firmware
