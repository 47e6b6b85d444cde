// Every single-byte change to a genuine proof must turn the verdict into a failure
// (and never crash): the signature, the challenge, and every byte of each certificate.
#include <gtest/gtest.h>

#include <functional>

#include "attest/attest.hpp"
#include "fixtures.hpp"

namespace cc::attest {
namespace {

using testing::make_proof;
using testing::test_challenge;
using testing::test_options;

bool genuine(Verdict v) { return v == Verdict::kGenuine || v == Verdict::kGenuineTestRoot; }

class Tamper : public ::testing::Test {
 protected:
  std::vector<std::uint8_t> challenge = test_challenge();
  ::coldcheck::wire::trezor::AuthenticityProof proof = make_proof({"leaf_t2b1.der", "ca.der"}, challenge);

  Verdict run(const ::coldcheck::wire::trezor::AuthenticityProof& p) const {
    return verify(p, challenge, "T2B1", builtin_trust_store(), test_options()).verdict;
  }
};

TEST_F(Tamper, Baseline) { EXPECT_EQ(run(proof), Verdict::kGenuineTestRoot); }

TEST_F(Tamper, EverySignatureByte) {
  const std::string sig = proof.optiga_signature();
  for (std::size_t i = 0; i < sig.size(); ++i) {
    for (const int mask : {0x01, 0x80}) {
      auto p = proof;
      (*p.mutable_optiga_signature())[i] = static_cast<char>(static_cast<std::uint8_t>(sig[i]) ^ mask);
      const Verdict v = run(p);
      EXPECT_FALSE(genuine(v)) << "byte " << i;
      // Inside r or s the encoding stays valid, so the reason is the signature itself.
      if (i >= 6 && i < sig.size() - 2 && i != 4u + static_cast<std::uint8_t>(sig[3]) &&
          i != 5u + static_cast<std::uint8_t>(sig[3])) {
        EXPECT_TRUE(v == Verdict::kBadSignature || v == Verdict::kMalformed) << "byte " << i;
      }
    }
  }
}

TEST_F(Tamper, EveryChallengeByte) {
  for (std::size_t i = 0; i < challenge.size(); ++i) {
    auto other = challenge;
    other[i] ^= 0x01;
    EXPECT_EQ(verify(proof, other, "T2B1", builtin_trust_store(), test_options()).verdict, Verdict::kBadSignature)
        << "byte " << i;
  }
  auto longer = challenge;
  longer.push_back(0);
  EXPECT_EQ(verify(proof, longer, "T2B1", builtin_trust_store(), test_options()).verdict, Verdict::kBadSignature);
}

void every_byte_of_certificate(const Tamper& t, const ::coldcheck::wire::trezor::AuthenticityProof& proof, int index,
                               const std::function<Verdict(const ::coldcheck::wire::trezor::AuthenticityProof&)>& run) {
  (void)t;
  const std::string der = proof.optiga_certificates(index);
  for (std::size_t i = 0; i < der.size(); ++i) {
    auto p = proof;
    (*p.mutable_optiga_certificates(index))[i] = static_cast<char>(der[i] ^ 0x01);
    EXPECT_FALSE(genuine(run(p))) << "certificate " << index << " byte " << i;
  }
}

TEST_F(Tamper, EveryLeafByte) {
  every_byte_of_certificate(*this, proof, 0, [this](const auto& p) { return run(p); });
}

TEST_F(Tamper, EveryCaByte) {
  every_byte_of_certificate(*this, proof, 1, [this](const auto& p) { return run(p); });
}

TEST_F(Tamper, TruncatedCertificates) {
  for (int index = 0; index < 2; ++index) {
    const std::string der = proof.optiga_certificates(index);
    for (std::size_t n = 0; n < der.size(); n += 7) {
      auto p = proof;
      p.mutable_optiga_certificates(index)->resize(n);
      EXPECT_EQ(run(p), Verdict::kMalformed) << "certificate " << index << " length " << n;
    }
  }
}

TEST_F(Tamper, SwappedOrder) {
  auto p = proof;
  p.mutable_optiga_certificates()->SwapElements(0, 1);
  EXPECT_FALSE(genuine(run(p)));
}

}  // namespace
}  // namespace cc::attest
