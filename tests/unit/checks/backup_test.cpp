#include "checks/backup.hpp"

#include <gtest/gtest.h>

namespace cc::checks {
namespace {

namespace rp = ::coldcheck::report;

rp::CheckStatus status_of(BackupVerdict v) {
  BackupOutcome o;
  o.verdict = v;
  return backup_check_result(o, findings::Language::kEnglish).status();
}

TEST(BackupCheckResult, StatusPerOutcome) {
  EXPECT_EQ(status_of(BackupVerdict::kMatches), rp::CHECK_PASS);
  EXPECT_EQ(status_of(BackupVerdict::kMismatch), rp::CHECK_FAIL);
  // Asked for and not finished: tried, so never "skipped" (which reads as not asked).
  EXPECT_EQ(status_of(BackupVerdict::kCancelled), rp::CHECK_ERROR);
  EXPECT_EQ(status_of(BackupVerdict::kError), rp::CHECK_ERROR);
  EXPECT_EQ(status_of(BackupVerdict::kUnsupported), rp::CHECK_UNSUPPORTED);
}

TEST(BackupCheckResult, EvidenceSaysHowItWasEstablished) {
  BackupOutcome o;
  o.verdict = BackupVerdict::kMatches;
  o.method = BackupMethod::kUserReported;
  o.word_count = 24;
  o.detail = "the person says it matched";
  const auto c = backup_check_result(o, findings::Language::kEnglish);
  EXPECT_EQ(c.id(), "backup.check");
  EXPECT_EQ(c.detail(), "the person says it matched");
  ASSERT_EQ(c.evidence_size(), 3);
  EXPECT_EQ(c.evidence(1).observed(), "reported by the person, not measured");
  EXPECT_EQ(c.evidence(2).observed(), "24");
  const auto not_run = backup_check_not_run("not requested", findings::Language::kEnglish);
  EXPECT_EQ(not_run.status(), rp::CHECK_SKIPPED);
  EXPECT_EQ(not_run.detail(), "not requested");
}

}  // namespace
}  // namespace cc::checks
