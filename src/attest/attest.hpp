#pragma once
// Offline verification of a Trezor secure-element attestation (AuthenticateDevice ->
// AuthenticityProof), as trezorlib authentication.py and Trezor Suite do it:
//  1. the leaf (device) certificate's P-256 key signs SHA-256(cs(19) "AuthenticateDevice:"
//     cs(len) challenge), signature in DER;
//  2. each certificate is signed by the next one, and every CA certificate has
//     basicConstraints cA with a pathLen that allows the chain below it, keyUsage
//     keyCertSign, and no critical extension other than those two;
//  3. the top certificate's signature verifies under a root public key for the model;
//  4. no CA is blacklisted, no CA notBefore lies in the future, and the leaf subject's
//     first entry is a CN that starts with the internal model ("T2B1 ...").
// Bad device data never throws: it yields kMalformed with a step saying why.
#include <array>
#include <cstdint>
#include <ctime>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "attest/trust_store.hpp"
#include "coldcheck/trezor.pb.h"

namespace cc::attest {

// The signed bytes: cs(19) || "AuthenticateDevice:" || cs(len) || challenge.
std::vector<std::uint8_t> authenticate_message(std::span<const std::uint8_t> challenge);
// SHA-256 of authenticate_message(challenge): what the secure element signs.
std::array<std::uint8_t, 32> authenticate_digest(std::span<const std::uint8_t> challenge);

enum class Verdict {
  kGenuine,          // chain ends at a production root for this model
  kGenuineTestRoot,  // same, but at a TEST root (allowed by Options)
  kBadSignature,     // the challenge signature does not verify under the leaf key
  kUnknownRoot,      // no (allowed) root for this model signs the top certificate
  kBlacklistedCa,    // a CA in the chain was withdrawn by the vendor
  kBadChain,         // a link, a CA extension or a CA validity start is wrong
  kModelMismatch,    // leaf CN does not start with the device's internal model
  kMalformed,        // unparsable certificate or signature encoding
  kNoCertificates,   // the proof carries no certificate at all
};

struct Step {
  std::string what;
  bool ok = false;
  std::string detail;
};

struct Result {
  Verdict verdict = Verdict::kMalformed;
  std::vector<Step> steps;   // evidence, in the order checked
  std::string leaf_subject;  // RFC 2253, when the leaf parsed
  std::string root_name;     // name of the matching root, when one matched
};

struct Options {
  bool allow_test_roots = false;
  std::time_t now = std::time(nullptr);
};

// Upper bound on certificates in a proof (Trezor sends two: device, CA).
inline constexpr int kMaxCertificates = 8;

Result verify(const ::coldcheck::wire::trezor::AuthenticityProof& proof, std::span<const std::uint8_t> challenge,
              std::string_view internal_model, const TrustStore& store, const Options& options);

std::string_view to_string(Verdict verdict);

// For the simulator only (test keys): sign like the device does. Returns a DER ECDSA
// signature over authenticate_message(challenge) with SHA-256.
// Throws cc::Error{kInvalidArgument} if the PEM is not an EC private key.
std::vector<std::uint8_t> sign_for_test(std::string_view private_key_pem, std::span<const std::uint8_t> challenge);

}  // namespace cc::attest
