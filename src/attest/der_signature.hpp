#pragma once
// ECDSA signature encoding. The device returns DER, but trezorlib re-encodes it after a
// permissive parse (non-minimal integers, a 33-byte integer), so coldcheck accepts the
// same inputs and verifies the strict re-encoding.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cc::attest {

struct DerSignature {
  std::vector<std::uint8_t> der;  // strict DER re-encoding
  bool was_canonical = false;     // the input already was exactly that
};

// Parses SEQUENCE { INTEGER r, INTEGER s } with short-form lengths, each integer at
// most 33 bytes, the whole at most 73 bytes, nothing after it. Integers are read as
// unsigned big-endian. On failure returns nullopt and sets `why`.
std::optional<DerSignature> normalize_der_signature(std::span<const std::uint8_t> sig, std::string& why);

}  // namespace cc::attest
