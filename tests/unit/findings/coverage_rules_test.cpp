// CC-CHECK-INCOMPLETE: a device was read but some check did not establish its result;
// the verdict is then never OK, and the finding says what and why.
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace cc::findings {
namespace {

namespace rp = ::coldcheck::report;
using Codes = std::set<std::string>;

rp::CheckResult check(const std::string& id, rp::CheckStatus status, const std::string& detail = {}) {
  rp::CheckResult c;
  c.set_id(id);
  c.set_title("title of " + id);
  c.set_status(status);
  c.set_detail(detail);
  return c;
}

std::vector<rp::Finding> run(const ::coldcheck::DeviceFacts* facts, std::vector<rp::CheckResult> device,
                             std::vector<rp::CheckResult> host = {}) {
  Inputs in;
  in.facts = facts;
  in.device_checks = std::move(device);
  in.host_checks = std::move(host);
  return evaluate(in, testing::test_catalog(), Language::kEnglish);
}

TEST(CoverageRules, EveryCheckEstablishedIsOk) {
  const auto facts = testing::healthy_facts();
  const auto found = run(&facts, {check("device.identify", rp::CHECK_PASS), check("fw.revision", rp::CHECK_PASS),
                                  check("auth.device", rp::CHECK_UNSUPPORTED, "no secure element"),
                                  check("backup.check", rp::CHECK_SKIPPED, "not requested")});
  EXPECT_EQ(testing::codes_of(found), Codes{});
  EXPECT_EQ(verdict(found, true), rp::VERDICT_OK);
}

TEST(CoverageRules, UnknownErrorOrSkippedDeviceChecksAreListedAndNeverOk) {
  const auto facts = testing::healthy_facts();
  for (const auto status : {rp::CHECK_UNKNOWN, rp::CHECK_ERROR, rp::CHECK_SKIPPED}) {
    const auto found = run(&facts, {check("device.identify", rp::CHECK_PASS),
                                    check("fw.hash", status, "no release image given (--firmware-dir)")});
    ASSERT_EQ(testing::codes_of(found), Codes{"CC-CHECK-INCOMPLETE"}) << status;
    EXPECT_NE(verdict(found, true), rp::VERDICT_OK) << status;
    ASSERT_EQ(found[0].evidence_size(), 1);
    EXPECT_EQ(found[0].evidence(0).name(), "title of fw.hash");
    EXPECT_EQ(found[0].evidence(0).observed(), "no release image given (--firmware-dir)");
  }
}

TEST(CoverageRules, AFailedBackupStepIsAGapButNotAskingIsNot) {
  const auto facts = testing::healthy_facts();
  const auto cancelled = run(&facts, {check("backup.check", rp::CHECK_ERROR, "cancelled before the check started")});
  EXPECT_EQ(testing::codes_of(cancelled), Codes{"CC-CHECK-INCOMPLETE"});
  EXPECT_EQ(cancelled[0].evidence(0).observed(), "cancelled before the check started");
  EXPECT_EQ(testing::codes_of(run(&facts, {check("backup.check", rp::CHECK_SKIPPED, "not requested")})), Codes{});
}

TEST(CoverageRules, HostChecksCountOnlyWhenTheyCouldNotFinish) {
  const auto facts = testing::healthy_facts();
  EXPECT_EQ(testing::codes_of(run(&facts, {}, {check("host.on_bus", rp::CHECK_SKIPPED, "an emulator")})), Codes{});
  EXPECT_EQ(testing::codes_of(run(&facts, {}, {check("host.permission", rp::CHECK_ERROR, "no /dev node")})),
            Codes{"CC-CHECK-INCOMPLETE"});
}

TEST(CoverageRules, NoDeviceIsSaidByTheVerdictAlone) {
  const auto found = run(nullptr, {check("device.identify", rp::CHECK_ERROR, "timeout")});
  EXPECT_EQ(testing::codes_of(found).count("CC-CHECK-INCOMPLETE"), 0u);
  EXPECT_EQ(verdict(found, false), rp::VERDICT_NO_DEVICE);
}

}  // namespace
}  // namespace cc::findings

namespace cc::findings {
namespace {

// A device reached but not read (garbage, an error mid-read) is a finding with the
// error's words; a silent one has its own code, and a device that was read has none.
TEST(DeviceErrorRules, UnreadableDeviceIsAFindingWithTheReason) {
  Inputs in;
  in.device_error = "the device answered with 3 report(s) that are not the Trezor protocol";
  auto found = evaluate(in, testing::test_catalog(), Language::kEnglish);
  ASSERT_EQ(testing::codes_of(found), std::set<std::string>{"CC-DEV-UNREADABLE"});
  EXPECT_NE(found[0].detail().find("not the Trezor protocol"), std::string::npos) << found[0].detail();
  EXPECT_EQ(verdict(found, false), ::coldcheck::report::VERDICT_NO_DEVICE);
  in.device_silent = true;
  EXPECT_EQ(testing::codes_of(evaluate(in, testing::test_catalog(), Language::kEnglish)),
            std::set<std::string>{"CC-DEV-NO-REPLY"});
  const auto facts = testing::healthy_facts();
  Inputs read;
  read.facts = &facts;
  read.device_error = "ignored once the device was read";
  EXPECT_EQ(testing::codes_of(evaluate(read, testing::test_catalog(), Language::kEnglish)), std::set<std::string>{});
}

}  // namespace
}  // namespace cc::findings
