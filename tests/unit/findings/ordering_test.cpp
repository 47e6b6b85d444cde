#include <algorithm>

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace cc::findings {
namespace {

using ::coldcheck::report::Finding;

std::vector<std::string> codes_in_order(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.code());
  return out;
}

Inputs busy_inputs(const ::coldcheck::DeviceFacts& facts) {
  Inputs in;
  in.facts = &facts;
  ::coldcheck::report::CheckResult permission;
  permission.set_id("host.permission");
  permission.set_status(::coldcheck::report::CHECK_FAIL);
  in.host_checks.push_back(permission);
  in.demo = true;
  return in;
}

::coldcheck::DeviceFacts troubled_facts() {
  auto f = testing::healthy_facts();
  f.set_pin_protection(false);
  f.set_passphrase_protection(true);
  f.set_backup(::coldcheck::BACKUP_STATE_UNFINISHED);
  f.set_firmware_version("1.0.0");
  f.set_busy(true);
  return f;
}

TEST(Ordering, CriticalFirstThenUrgencyTable) {
  const auto facts = troubled_facts();
  const auto findings = evaluate(busy_inputs(facts), testing::test_catalog(), Language::kEnglish);
  EXPECT_EQ(
      codes_in_order(findings),
      (std::vector<std::string>{"CC-BACKUP-UNFINISHED", "CC-HOST-NO-ACCESS", "CC-HOST-BUSY", "CC-FW-SECURITY-FIX",
                                "CC-PIN-NOT-SET", "CC-FW-OUTDATED", "CC-PASSPHRASE-IN-USE", "CC-AUTH-TEST-ROOT"}));
  for (std::size_t i = 0; i < findings.size(); ++i) EXPECT_EQ(findings[i].urgency(), i + 1) << findings[i].code();
}

TEST(Ordering, ScamRiskIsAlwaysFirst) {
  const auto facts = troubled_facts();
  Inputs in = busy_inputs(facts);
  in.description_mentions_seed_request = true;
  const auto findings = evaluate(in, testing::test_catalog(), Language::kEnglish);
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(findings[0].code(), "CC-SCAM-RISK");
  EXPECT_EQ(findings[0].urgency(), 1u);
  EXPECT_EQ(findings[1].code(), "CC-BACKUP-UNFINISHED");
  EXPECT_EQ(findings.back().urgency(), findings.size());
}

TEST(Ordering, AllCodesFollowTheUrgencyTable) {
  const auto codes = all_codes();
  ASSERT_FALSE(codes.empty());
  EXPECT_EQ(codes.front(), "CC-SCAM-RISK");
  const std::set<std::string> unique(codes.begin(), codes.end());
  EXPECT_EQ(unique.size(), codes.size());
  for (const char* required :
       {"CC-HOST-NO-ACCESS", "CC-HOST-NOT-ON-BUS", "CC-HOST-BUSY", "CC-DEV-LOCKED", "CC-DEV-NOT-INITIALIZED",
        "CC-DEV-BOOTLOADER", "CC-FW-OUTDATED", "CC-FW-SECURITY-FIX", "CC-FW-UNKNOWN-VERSION", "CC-BACKUP-MISSING",
        "CC-BACKUP-UNFINISHED", "CC-PASSPHRASE-IN-USE", "CC-PIN-NOT-SET", "CC-CLONE-MISIDENTIFIED", "CC-SCAM-RISK",
        "CC-AUTH-TEST-ROOT"}) {
    EXPECT_TRUE(unique.count(required)) << required;
  }
}

}  // namespace
}  // namespace cc::findings
