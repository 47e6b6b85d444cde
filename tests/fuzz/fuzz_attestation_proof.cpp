// Arbitrary bytes as an AuthenticityProof from a device: verify() must never crash,
// throw or leak, and must never call a proof genuine while a step failed.
// Fixed challenge 00..1f (the seeds in corpus/fuzz_attestation_proof/ are signed over
// it by scripts/make_test_attestation.sh); test roots allowed so seeds reach the root.
#include <array>
#include <cstddef>
#include <cstdint>

#include "attest/attest.hpp"

namespace {

constexpr std::array<std::uint8_t, 32> kChallenge = [] {
  std::array<std::uint8_t, 32> c{};
  for (std::size_t i = 0; i < c.size(); ++i) c[i] = static_cast<std::uint8_t>(i);
  return c;
}();

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const cc::attest::TrustStore& store = cc::attest::builtin_trust_store();
  ::coldcheck::wire::trezor::AuthenticityProof proof;
  if (!proof.ParseFromArray(data, static_cast<int>(size))) return 0;
  cc::attest::Options options;
  options.allow_test_roots = true;
  options.now = 1767225600;  // 2026-01-01: deterministic runs
  const cc::attest::Result r = cc::attest::verify(proof, kChallenge, "T2B1", store, options);
  const bool genuine = r.verdict == cc::attest::Verdict::kGenuine || r.verdict == cc::attest::Verdict::kGenuineTestRoot;
  if (r.steps.empty()) __builtin_trap();
  for (const cc::attest::Step& s : r.steps) {
    if (genuine && !s.ok) __builtin_trap();
  }
  return 0;
}
