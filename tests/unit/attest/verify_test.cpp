#include <gtest/gtest.h>

#include "attest/attest.hpp"
#include "core/error.hpp"
#include "fixtures.hpp"

namespace cc::attest {
namespace {

using testing::make_proof;
using testing::test_challenge;
using testing::test_options;

std::string failed_steps(const Result& r) {
  std::string out;
  for (const Step& s : r.steps) {
    if (!s.ok) out += s.what + ": " + s.detail + "; ";
  }
  return out;
}

bool has_failed_step(const Result& r, std::string_view what_prefix) {
  for (const Step& s : r.steps) {
    if (!s.ok && std::string_view(s.what).starts_with(what_prefix)) return true;
  }
  return false;
}

const TrustStore& store() { return builtin_trust_store(); }

TEST(Verify, GenuineTestChainWithTestRootsAllowed) {
  const auto c = test_challenge();
  const auto r = verify(make_proof({"leaf_t2b1.der", "ca.der"}, c), c, "T2B1", store(), test_options());
  EXPECT_EQ(r.verdict, Verdict::kGenuineTestRoot) << failed_steps(r);
  EXPECT_EQ(r.root_name, "coldcheck TEST root (simulator only)");
  EXPECT_NE(r.leaf_subject.find("CN=T2B1 coldcheck TEST device"), std::string::npos) << r.leaf_subject;
  for (const Step& s : r.steps) EXPECT_TRUE(s.ok) << s.what << ": " << s.detail;
  EXPECT_GE(r.steps.size(), 6u);
}

TEST(Verify, OtherModelsOfTheTestRoot) {
  const auto c = test_challenge();
  EXPECT_EQ(verify(make_proof({"leaf_t3t1.der", "ca.der"}, c), c, "T3T1", store(), test_options()).verdict,
            Verdict::kGenuineTestRoot);
  EXPECT_EQ(verify(make_proof({"leaf_t3b1.der", "ca.der"}, c), c, "T3B1", store(), test_options()).verdict,
            Verdict::kGenuineTestRoot);
}

TEST(Verify, TestRootNotAllowedIsUnknownRoot) {
  const auto c = test_challenge();
  const auto r = verify(make_proof({"leaf_t2b1.der", "ca.der"}, c), c, "T2B1", store(), Options{});
  EXPECT_EQ(r.verdict, Verdict::kUnknownRoot) << failed_steps(r);
  EXPECT_TRUE(r.root_name.empty());
  EXPECT_NE(failed_steps(r).find("test roots are not allowed"), std::string::npos);
}

TEST(Verify, WrongChallengeIsBadSignature) {
  const auto c = test_challenge();
  auto other = c;
  other[5] ^= 0x01;
  const auto r = verify(make_proof({"leaf_t2b1.der", "ca.der"}, c), other, "T2B1", store(), test_options());
  EXPECT_EQ(r.verdict, Verdict::kBadSignature) << failed_steps(r);
}

TEST(Verify, WrongModelCertificate) {
  const auto c = test_challenge();
  const auto r = verify(make_proof({"leaf_wrong_model.der", "ca.der"}, c), c, "T2B1", store(), test_options());
  EXPECT_EQ(r.verdict, Verdict::kModelMismatch) << failed_steps(r);
}

TEST(Verify, DeviceReportsAnotherModel) {
  const auto c = test_challenge();
  const auto r = verify(make_proof({"leaf_t2b1.der", "ca.der"}, c), c, "T3B1", store(), test_options());
  EXPECT_EQ(r.verdict, Verdict::kModelMismatch) << failed_steps(r);
}

TEST(Verify, ModelWithoutRootsIsUnknownRoot) {
  const auto c = test_challenge();
  const auto r = verify(make_proof({"leaf_t2b1.der", "ca.der"}, c), c, "T2T1", store(), test_options());
  EXPECT_EQ(r.verdict, Verdict::kUnknownRoot) << failed_steps(r);
}

TEST(Verify, BlacklistedCa) {
  const auto c = test_challenge();
  const auto r =
      verify(make_proof({"leaf_via_blacklisted_ca.der", "ca_blacklisted.der"}, c), c, "T2B1", store(), test_options());
  EXPECT_EQ(r.verdict, Verdict::kBlacklistedCa) << failed_steps(r);
  EXPECT_TRUE(has_failed_step(r, "CA #1 certificate blacklist"));
}

TEST(Verify, UnknownCriticalExtension) {
  const auto c = test_challenge();
  const auto r = verify(make_proof({"leaf_via_critical_ext_ca.der", "ca_critical_ext.der"}, c), c, "T2B1", store(),
                        test_options());
  EXPECT_EQ(r.verdict, Verdict::kBadChain) << failed_steps(r);
  EXPECT_NE(failed_steps(r).find("unknown critical extension 1.3.6.1.4.1.99999.1"), std::string::npos)
      << failed_steps(r);
}

TEST(Verify, CaNotBeforeInTheFuture) {
  const auto c = test_challenge();
  Options o = test_options();
  o.now = 1672531200;  // 2023-01-01, before the test CA's notBefore (2024-01-01)
  const auto r = verify(make_proof({"leaf_t2b1.der", "ca.der"}, c), c, "T2B1", store(), o);
  EXPECT_EQ(r.verdict, Verdict::kBadChain) << failed_steps(r);
  EXPECT_TRUE(has_failed_step(r, "CA #1 certificate validity"));
}

TEST(Verify, ChainToUnknownRoot) {
  const auto c = test_challenge();
  const auto r =
      verify(make_proof({"leaf_via_unknown_root.der", "ca_unknown_root.der"}, c), c, "T2B1", store(), test_options());
  EXPECT_EQ(r.verdict, Verdict::kUnknownRoot) << failed_steps(r);
}

TEST(Verify, LeafSignedByAnotherCa) {
  const auto c = test_challenge();
  const auto r = verify(make_proof({"leaf_via_unknown_root.der", "ca.der"}, c), c, "T2B1", store(), test_options());
  EXPECT_EQ(r.verdict, Verdict::kBadChain) << failed_steps(r);
}

TEST(Verify, LeafOnlyIsBadChain) {
  const auto c = test_challenge();
  const auto r = verify(make_proof({"leaf_t2b1.der"}, c), c, "T2B1", store(), test_options());
  EXPECT_EQ(r.verdict, Verdict::kBadChain) << failed_steps(r);
}

TEST(Verify, CaAsLeafAndExtraCertificates) {
  const auto c = test_challenge();
  // The CA cannot sign itself, so listing it twice breaks the chain.
  const auto r = verify(make_proof({"leaf_t2b1.der", "ca.der", "ca.der"}, c), c, "T2B1", store(), test_options());
  EXPECT_EQ(r.verdict, Verdict::kBadChain) << failed_steps(r);
}

TEST(Verify, EmptyProof) {
  const auto r = verify({}, test_challenge(), "T2B1", store(), test_options());
  EXPECT_EQ(r.verdict, Verdict::kNoCertificates);
  ASSERT_EQ(r.steps.size(), 1u);
  EXPECT_FALSE(r.steps[0].ok);
}

TEST(Verify, GarbageDer) {
  ::coldcheck::wire::trezor::AuthenticityProof p;
  p.add_optiga_certificates("\x30\x82\x01\x00garbage");
  p.set_optiga_signature(std::string("\x30\x00", 2));
  const auto r = verify(p, test_challenge(), "T2B1", store(), test_options());
  EXPECT_EQ(r.verdict, Verdict::kMalformed);
  EXPECT_TRUE(has_failed_step(r, "device certificate parse"));
}

TEST(Verify, TrailingBytesAfterCertificate) {
  const auto c = test_challenge();
  auto p = make_proof({"leaf_t2b1.der", "ca.der"}, c);
  p.mutable_optiga_certificates(1)->push_back('\0');
  const auto r = verify(p, c, "T2B1", store(), test_options());
  EXPECT_EQ(r.verdict, Verdict::kMalformed);
  EXPECT_NE(failed_steps(r).find("trailing"), std::string::npos);
}

TEST(Verify, MissingOrGarbageSignatureIsMalformed) {
  const auto c = test_challenge();
  auto p = make_proof({"leaf_t2b1.der", "ca.der"}, c);
  p.clear_optiga_signature();
  EXPECT_EQ(verify(p, c, "T2B1", store(), test_options()).verdict, Verdict::kMalformed);
  p.set_optiga_signature("not der");
  EXPECT_EQ(verify(p, c, "T2B1", store(), test_options()).verdict, Verdict::kMalformed);
}

TEST(Verify, TooManyCertificates) {
  const auto c = test_challenge();
  auto p = make_proof({"leaf_t2b1.der", "ca.der"}, c);
  for (int i = 0; i < kMaxCertificates; ++i) p.add_optiga_certificates(testing::read_fixture("ca.der"));
  EXPECT_EQ(verify(p, c, "T2B1", store(), test_options()).verdict, Verdict::kMalformed);
}

TEST(Verify, VerdictNames) {
  EXPECT_EQ(to_string(Verdict::kGenuine), "genuine");
  EXPECT_EQ(to_string(Verdict::kGenuineTestRoot), "genuine_test_root");
  EXPECT_EQ(to_string(Verdict::kNoCertificates), "no_certificates");
}

TEST(SignForTest, RejectsNonKeyPem) {
  EXPECT_THROW(sign_for_test("-----BEGIN NOTHING-----", test_challenge()), cc::Error);
}

}  // namespace
}  // namespace cc::attest

namespace cc::attest {
namespace {

// The fuzz seeds (scripts/make_test_attestation.sh) must stay what their names say.
TEST(FuzzSeeds, VerdictsMatchNames) {
  std::vector<std::uint8_t> challenge(32);
  for (std::size_t i = 0; i < challenge.size(); ++i) challenge[i] = static_cast<std::uint8_t>(i);
  const struct {
    const char* file;
    Verdict verdict;
  } kSeeds[] = {
      {"genuine_t2b1.bin", Verdict::kGenuineTestRoot}, {"wrong_model.bin", Verdict::kModelMismatch},
      {"blacklisted_ca.bin", Verdict::kBlacklistedCa}, {"critical_ext.bin", Verdict::kBadChain},
      {"unknown_root.bin", Verdict::kUnknownRoot},     {"empty.bin", Verdict::kNoCertificates},
  };
  for (const auto& s : kSeeds) {
    std::ifstream in(std::string(CC_SOURCE_DIR) + "/tests/fuzz/corpus/fuzz_attestation_proof/" + s.file,
                     std::ios::binary);
    ASSERT_TRUE(in) << s.file;
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ::coldcheck::wire::trezor::AuthenticityProof proof;
    ASSERT_TRUE(proof.ParseFromString(bytes)) << s.file;
    EXPECT_EQ(verify(proof, challenge, "T2B1", builtin_trust_store(), testing::test_options()).verdict, s.verdict)
        << s.file;
  }
}

}  // namespace
}  // namespace cc::attest
