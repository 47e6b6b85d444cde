#include <gtest/gtest.h>

#include "test_support.hpp"

namespace cc::findings {
namespace {

using Codes = std::set<std::string>;

::coldcheck::DeviceFacts clone_facts() {
  auto f = testing::healthy_facts();
  f.set_catalog_id("test-clone");
  f.set_maker("CloneCo");
  f.set_model_name("Test test-clone");
  f.set_protocol_vendor("clone.example");
  f.set_firmware_version("3.0.0");
  return f;
}

TEST(IdentityRules, CloneOnSharedTrezorIdIsReported) {
  const auto findings = testing::run(clone_facts());
  ASSERT_EQ(testing::codes_of(findings), Codes{"CC-CLONE-MISIDENTIFIED"});
  const auto& f = findings[0];
  EXPECT_EQ(f.severity(), ::coldcheck::report::SEVERITY_INFO);
  EXPECT_NE(f.detail().find("1209:53c1"), std::string::npos) << f.detail();
  EXPECT_NE(f.detail().find("clone.example"), std::string::npos) << f.detail();
  EXPECT_NE(f.detail().find("CloneCo"), std::string::npos) << f.detail();
  ASSERT_GE(f.evidence_size(), 2);
  EXPECT_EQ(f.evidence(0).observed(), "CloneCo");
  EXPECT_EQ(f.evidence(1).observed(), "clone.example");
}

TEST(IdentityRules, NoCloneFindingForTrezorOwnIdsOrUnknownModel) {
  EXPECT_EQ(testing::codes_for(testing::healthy_facts()), Codes{});  // a Trezor itself
  auto own = testing::healthy_facts();
  own.set_catalog_id("test-unverified");  // OwnCo on its own USB ids
  own.set_maker("OwnCo");
  own.set_firmware_version("5.0.0");
  EXPECT_EQ(testing::codes_for(own).count("CC-CLONE-MISIDENTIFIED"), 0u);
  auto unmatched = clone_facts();
  unmatched.clear_catalog_id();  // no catalog model matched: we cannot name a maker
  EXPECT_EQ(testing::codes_for(unmatched), Codes{});
}

TEST(IdentityRules, TestRootForDemoOrEmulator) {
  Inputs demo;
  demo.demo = true;
  const auto findings = evaluate(demo, testing::test_catalog(), Language::kEnglish);
  ASSERT_EQ(testing::codes_of(findings), Codes{"CC-AUTH-TEST-ROOT"});
  EXPECT_EQ(findings[0].severity(), ::coldcheck::report::SEVERITY_INFO);
  EXPECT_NE(findings[0].detail().find("demo"), std::string::npos);

  auto emulator = testing::healthy_facts();
  emulator.set_emulator(true);
  const auto emu = testing::run(emulator);
  ASSERT_EQ(testing::codes_of(emu), Codes{"CC-AUTH-TEST-ROOT"});
  EXPECT_NE(emu[0].title().find("Not a retail device"), std::string::npos);
}

TEST(ScamRules, RefusedOrSeedRequestIsCritical) {
  for (int mask = 1; mask <= 3; ++mask) {
    Inputs in;
    in.description_refused = (mask & 1) != 0;
    in.description_mentions_seed_request = (mask & 2) != 0;
    const auto findings = evaluate(in, testing::test_catalog(), Language::kEnglish);
    ASSERT_EQ(testing::codes_of(findings), Codes{"CC-SCAM-RISK"}) << mask;
    EXPECT_EQ(findings[0].severity(), ::coldcheck::report::SEVERITY_CRITICAL);
    EXPECT_EQ(findings[0].urgency(), 1u);
    EXPECT_EQ(findings[0].evidence_size(), mask == 3 ? 2 : 1);
    EXPECT_NE(findings[0].remediation().find("No genuine support"), std::string::npos);
  }
}

}  // namespace
}  // namespace cc::findings
