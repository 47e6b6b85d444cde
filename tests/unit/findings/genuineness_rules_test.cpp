#include <gtest/gtest.h>

#include "test_support.hpp"

namespace cc::findings {
namespace {

using ::coldcheck::report::CheckResult;
using ::coldcheck::report::CheckStatus;
using Codes = std::set<std::string>;

CheckResult check(const std::string& id, CheckStatus status) {
  CheckResult c;
  c.set_id(id);
  c.set_status(status);
  auto* e = c.add_evidence();
  e->set_name("compared");
  e->set_observed("a");
  e->set_expected("b");
  return c;
}

std::vector<::coldcheck::report::Finding> run(std::vector<CheckResult> checks) {
  Inputs in;
  in.device_checks = std::move(checks);
  return evaluate(in, testing::test_catalog(), Language::kEnglish);
}

TEST(GenuinenessRules, EachFailedCheckRaisesItsCode) {
  using ::coldcheck::report::CHECK_FAIL;
  EXPECT_EQ(testing::codes_of(run({check("fw.revision", CHECK_FAIL)})), Codes{"CC-FW-REVISION-MISMATCH"});
  EXPECT_EQ(testing::codes_of(run({check("fw.hash", CHECK_FAIL)})), Codes{"CC-FW-HASH-MISMATCH"});
  EXPECT_EQ(testing::codes_of(run({check("auth.device", CHECK_FAIL)})), Codes{"CC-AUTH-FAILED"});
  EXPECT_EQ(testing::codes_of(run({check("auth.unlocked_bootloader", CHECK_FAIL)})),
            Codes{"CC-AUTH-UNLOCKED-BOOTLOADER"});
}

TEST(GenuinenessRules, OnlyFailuresCount) {
  for (auto status :
       {::coldcheck::report::CHECK_PASS, ::coldcheck::report::CHECK_WARN, ::coldcheck::report::CHECK_SKIPPED,
        ::coldcheck::report::CHECK_UNSUPPORTED, ::coldcheck::report::CHECK_ERROR}) {
    EXPECT_EQ(
        testing::codes_of(run({check("fw.hash", status), check("auth.device", status), check("fw.revision", status)})),
        Codes{})
        << status;
  }
}

TEST(GenuinenessRules, CounterfeitSortsFirstAndCarriesEvidence) {
  const auto found = run({check("fw.revision", ::coldcheck::report::CHECK_FAIL)});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity(), ::coldcheck::report::SEVERITY_CRITICAL);
  EXPECT_EQ(found[0].urgency(), 1u);
  ASSERT_EQ(found[0].evidence_size(), 1);
  EXPECT_EQ(found[0].evidence(0).observed(), "a");
  EXPECT_EQ(verdict(found, true), ::coldcheck::report::VERDICT_STOP);
}

}  // namespace
}  // namespace cc::findings
