#pragma once
// Base58 (Bitcoin alphabet) decoding and base58check verification, just enough for
// recognising WIF and BIP32 extended private keys.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace cc::guard {

inline constexpr std::size_t kBase58MaxChars = 128;

// Decoded bytes that may be key material: wiped when they go out of scope.
class Base58Bytes {
 public:
  Base58Bytes() = default;
  Base58Bytes(const Base58Bytes&) = delete;
  Base58Bytes& operator=(const Base58Bytes&) = delete;
  ~Base58Bytes();

  std::span<const std::uint8_t> bytes() const noexcept { return {buf_.data(), size_}; }

 private:
  friend bool base58_decode(std::string_view text, Base58Bytes& out) noexcept;
  std::array<std::uint8_t, kBase58MaxChars> buf_{};
  std::size_t size_ = 0;
};

bool is_base58_char(char c) noexcept;

// False if `text` is empty, longer than kBase58MaxChars or has a character outside
// the alphabet. Leading '1's become leading zero bytes.
bool base58_decode(std::string_view text, Base58Bytes& out) noexcept;

// True if the last four bytes are the first four of SHA-256(SHA-256(the rest)).
bool base58check_valid(std::span<const std::uint8_t> decoded) noexcept;

}  // namespace cc::guard
