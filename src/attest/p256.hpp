#pragma once
// NIST P-256 public keys from and to SEC1 points (root keys are bare points).
#include <cstdint>
#include <span>
#include <vector>

#include "crypto/openssl_ptr.hpp"

namespace cc::attest {

// A public key from a SEC1 point (compressed or uncompressed), or null if the bytes
// are not a point on P-256.
crypto::PkeyPtr p256_public_key(std::span<const std::uint8_t> point);

// True if the key is an EC key on P-256.
bool is_p256(const EVP_PKEY* key);

// The uncompressed point (65 bytes) of a P-256 key; empty if it is not one.
std::vector<std::uint8_t> uncompressed_point(const EVP_PKEY* key);

}  // namespace cc::attest
