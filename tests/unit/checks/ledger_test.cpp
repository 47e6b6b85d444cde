#include "checks/ledger.hpp"

#include <gtest/gtest.h>

namespace cc::checks {
namespace {

namespace rp = ::coldcheck::report;

TEST(LedgerChecks, GenuineIsSkippedNeverPassedOffline) {
  ::coldcheck::DeviceFacts f;
  f.mutable_ledger()->set_flags_known(true);
  f.mutable_ledger()->set_trust_custom_ca(true);
  const auto checks = ledger_checks(f, findings::Language::kEnglish);
  ASSERT_EQ(checks.size(), 3u);
  EXPECT_EQ(checks[0].id(), "auth.device");
  EXPECT_EQ(checks[0].status(), rp::CHECK_SKIPPED);
  EXPECT_NE(checks[0].detail().find("Ledger Live"), std::string::npos);
  ASSERT_EQ(checks[0].evidence_size(), 1);
  EXPECT_EQ(checks[0].evidence(0).observed(), "yes");
  EXPECT_EQ(checks[1].id(), "fw.revision");
  EXPECT_EQ(checks[1].status(), rp::CHECK_UNSUPPORTED);
  EXPECT_EQ(checks[2].id(), "fw.hash");
  EXPECT_EQ(checks[2].status(), rp::CHECK_UNSUPPORTED);
}

TEST(LedgerChecks, UnknownFlagsGiveNoCustomCaEvidence) {
  const auto checks = ledger_checks(::coldcheck::DeviceFacts{}, findings::Language::kEnglish);
  EXPECT_EQ(checks[0].evidence_size(), 0);
}

}  // namespace
}  // namespace cc::checks
