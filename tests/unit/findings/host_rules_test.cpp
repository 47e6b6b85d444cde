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
  e->set_name(id + " evidence");
  e->set_observed("observed");
  return c;
}

Codes host_codes(std::vector<CheckResult> checks, const ::coldcheck::DeviceFacts* facts = nullptr) {
  Inputs in;
  in.facts = facts;
  in.host_checks = std::move(checks);
  return testing::codes_of(evaluate(in, testing::test_catalog(), Language::kEnglish));
}

TEST(HostRules, FailedChecksRaiseTheirCodes) {
  using ::coldcheck::report::CHECK_FAIL;
  EXPECT_EQ(host_codes({check("host.on_bus", CHECK_FAIL)}), Codes{"CC-HOST-NOT-ON-BUS"});
  EXPECT_EQ(host_codes({check("host.permission", CHECK_FAIL)}), Codes{"CC-HOST-NO-ACCESS"});
  EXPECT_EQ(host_codes({check("host.busy", CHECK_FAIL)}), Codes{"CC-HOST-BUSY"});
  EXPECT_EQ(host_codes({check("host.permission", CHECK_FAIL), check("host.busy", CHECK_FAIL)}),
            (Codes{"CC-HOST-NO-ACCESS", "CC-HOST-BUSY"}));
  // Missing udev rules alone, with the node still openable (root, say): no finding.
  EXPECT_EQ(host_codes({check("host.udev_rules", CHECK_FAIL)}), Codes{});
}

TEST(HostRules, OtherStatusesRaiseNothing) {
  for (auto status : {::coldcheck::report::CHECK_PASS, ::coldcheck::report::CHECK_WARN,
                      ::coldcheck::report::CHECK_SKIPPED, ::coldcheck::report::CHECK_UNSUPPORTED,
                      ::coldcheck::report::CHECK_ERROR, ::coldcheck::report::CHECK_STATUS_UNSPECIFIED}) {
    EXPECT_EQ(host_codes({check("host.on_bus", status), check("host.permission", status), check("host.busy", status),
                          check("host.udev_rules", status)}),
              Codes{})
        << status;
  }
}

TEST(HostRules, NotOnBusOnlyWhenNoDeviceWasRead) {
  const auto facts = testing::healthy_facts();
  EXPECT_EQ(host_codes({check("host.on_bus", ::coldcheck::report::CHECK_FAIL)}, &facts), Codes{});
}

TEST(HostRules, NoAccessCarriesPermissionAndUdevEvidence) {
  Inputs in;
  in.host_checks = {check("host.permission", ::coldcheck::report::CHECK_FAIL),
                    check("host.udev_rules", ::coldcheck::report::CHECK_WARN)};
  const auto findings = evaluate(in, testing::test_catalog(), Language::kEnglish);
  ASSERT_EQ(findings.size(), 1u);
  const auto& f = findings[0];
  EXPECT_EQ(f.severity(), ::coldcheck::report::SEVERITY_WARNING);
  std::set<std::string> names;
  for (const auto& e : f.evidence()) names.insert(e.name() + "=" + e.observed());
  EXPECT_TRUE(names.count("host check=host.permission: fail")) << f.DebugString();
  EXPECT_TRUE(names.count("host check=host.udev_rules: warning")) << f.DebugString();
  EXPECT_TRUE(names.count("host.permission evidence=observed"));
  EXPECT_TRUE(names.count("host.udev_rules evidence=observed"));
}

TEST(HostRules, BusyFromCheckAndFromDeviceIsOneFinding) {
  auto facts = testing::healthy_facts();
  facts.set_busy(true);
  Inputs in;
  in.facts = &facts;
  in.host_checks = {check("host.busy", ::coldcheck::report::CHECK_FAIL)};
  const auto findings = evaluate(in, testing::test_catalog(), Language::kEnglish);
  ASSERT_EQ(testing::codes_of(findings), Codes{"CC-HOST-BUSY"});
  EXPECT_EQ(findings.size(), 1u);
}

}  // namespace
}  // namespace cc::findings
