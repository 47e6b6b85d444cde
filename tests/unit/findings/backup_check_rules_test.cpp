// CC-BACKUP-VERIFIED / CC-BACKUP-MISMATCH come only from a finished backup check.
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace cc::findings {
namespace {

using ::coldcheck::report::CheckResult;
using ::coldcheck::report::CheckStatus;
using Codes = std::set<std::string>;

CheckResult backup(CheckStatus status, const std::string& detail = "the device says so") {
  CheckResult c;
  c.set_id("backup.check");
  c.set_status(status);
  c.set_detail(detail);
  auto* e = c.add_evidence();
  e->set_name("word count");
  e->set_observed("24");
  return c;
}

std::vector<::coldcheck::report::Finding> run(std::vector<CheckResult> checks) {
  Inputs in;
  in.device_checks = std::move(checks);
  return evaluate(in, testing::test_catalog(), Language::kEnglish);
}

TEST(BackupCheckRules, PassIsVerifiedAndFailIsAMismatchThatStopsEverything) {
  EXPECT_EQ(testing::codes_of(run({backup(::coldcheck::report::CHECK_PASS)})), Codes{"CC-BACKUP-VERIFIED"});
  const auto mismatch = run({backup(::coldcheck::report::CHECK_FAIL, "reported by the person")});
  ASSERT_EQ(testing::codes_of(mismatch), Codes{"CC-BACKUP-MISMATCH"});
  EXPECT_EQ(mismatch[0].severity(), ::coldcheck::report::SEVERITY_CRITICAL);
  EXPECT_EQ(verdict(mismatch, true), ::coldcheck::report::VERDICT_STOP);
  // The check's own words (measured or reported) and its evidence travel with it.
  EXPECT_EQ(mismatch[0].detail(), "reported by the person");
  ASSERT_EQ(mismatch[0].evidence_size(), 1);
  EXPECT_EQ(mismatch[0].evidence(0).observed(), "24");
}

TEST(BackupCheckRules, AnUnfinishedCheckSaysNothingAboutTheBackup) {
  for (auto status : {::coldcheck::report::CHECK_SKIPPED, ::coldcheck::report::CHECK_UNSUPPORTED,
                      ::coldcheck::report::CHECK_ERROR, ::coldcheck::report::CHECK_WARN}) {
    EXPECT_EQ(testing::codes_of(run({backup(status)})), Codes{}) << status;
  }
}

TEST(BackupCheckRules, VerifiedIsInformationOnly) {
  const auto found = run({backup(::coldcheck::report::CHECK_PASS)});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity(), ::coldcheck::report::SEVERITY_INFO);
  EXPECT_EQ(verdict(found, true), ::coldcheck::report::VERDICT_OK);
}

}  // namespace
}  // namespace cc::findings
