#pragma once
// X.509 helpers for attestation chains: strict DER parsing and the CA rules that
// trezorlib's Certificate._check_ca_extensions applies.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "crypto/openssl_ptr.hpp"

namespace cc::attest {

inline constexpr std::size_t kMaxCertificateSize = 64 * 1024;

// Exactly one DER certificate spanning all of `der`; null (and `why`) otherwise.
crypto::X509Ptr parse_der_certificate(std::span<const std::uint8_t> der, std::string& why);

// "CN=...,O=...", for evidence.
std::string subject_text(const X509* cert);

// The first subject entry when it is a commonName (as Suite reads the model), as UTF-8.
std::optional<std::string> first_common_name(const X509* cert);

// keyUsage with keyCertSign, basicConstraints with cA and a pathLenConstraint of at least
// `certs_below` (the CA certificates between this one and the leaf), no critical
// extension other than those two, and extensions that parse. Sets `why` on failure.
bool check_ca_extensions(X509* ca, int certs_below, std::string& why);

// True if the certificate is signed with ecdsa-with-SHA256.
bool signed_with_ecdsa_sha256(const X509* cert);

}  // namespace cc::attest
