#pragma once
// Keyed pseudonyms for identifiers that must correlate across reports from one
// install (device id, port path, session) but must not be reversible by a reader.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/openssl_ptr.hpp"

namespace cc::report {

class Pseudonymizer {
 public:
  // Keeps a private copy of the key, wiped on destruction. Throws Error{kInvalidArgument}
  // for an empty key.
  explicit Pseudonymizer(std::span<const std::uint8_t> key);
  ~Pseudonymizer();
  Pseudonymizer(Pseudonymizer&&) noexcept = default;
  Pseudonymizer& operator=(Pseudonymizer&&) noexcept = default;
  Pseudonymizer(const Pseudonymizer&) = delete;
  Pseudonymizer& operator=(const Pseudonymizer&) = delete;

  // kind + "-" + first 12 hex digits of HMAC-SHA256(key, kind || 0x00 || value).
  // The kind is part of the MAC input, so the same value under two kinds differs.
  std::string operator()(std::string_view kind, std::string_view value) const;

 private:
  std::vector<std::uint8_t> key_;
  crypto::MacPtr mac_;
};

}  // namespace cc::report
