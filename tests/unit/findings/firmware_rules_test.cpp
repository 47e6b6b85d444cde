#include <gtest/gtest.h>

#include "test_support.hpp"

namespace cc::findings {
namespace {

using ::coldcheck::DeviceFacts;
using testing::codes_for;
using Codes = std::set<std::string>;

DeviceFacts on(const std::string& model, const std::string& version) {
  DeviceFacts f = testing::healthy_facts();
  f.set_catalog_id(model);
  f.set_firmware_version(version);
  return f;
}

TEST(FirmwareRules, VersionsAgainstReleases) {
  struct Case {
    const char* version;
    Codes want;
  };
  const Case cases[] = {
      {"1.2.0", {}},                                              // newest verified
      {"1.2", {}},                                                // same version, short form
      {"1.3.0", {}},                                              // listed, unverified: known, never newest
      {"1.1.0", {"CC-FW-OUTDATED"}},                              // is the security release itself
      {"1.0.0", {"CC-FW-OUTDATED", "CC-FW-SECURITY-FIX"}},        // below the security release
      {"0.9.0", {"CC-FW-UNKNOWN-VERSION", "CC-FW-OUTDATED", "CC-FW-SECURITY-FIX"}},
      {"1.10.0", {"CC-FW-UNKNOWN-VERSION"}},                      // numerically newer than 1.2.0
      {"1.2.1", {"CC-FW-UNKNOWN-VERSION"}},
      {"garbage", {"CC-FW-UNKNOWN-VERSION"}},
      {"", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(codes_for(on("test-trezor", c.version)), c.want) << c.version;
}

TEST(FirmwareRules, OutdatedEvidenceNamesNewestRelease) {
  const auto findings = testing::run(on("test-trezor", "1.0.0"));
  const auto* outdated = testing::find(findings, "CC-FW-OUTDATED");
  const auto* fix = testing::find(findings, "CC-FW-SECURITY-FIX");
  ASSERT_NE(outdated, nullptr);
  ASSERT_NE(fix, nullptr);
  EXPECT_EQ(outdated->severity(), ::coldcheck::report::SEVERITY_ADVICE);
  EXPECT_EQ(fix->severity(), ::coldcheck::report::SEVERITY_WARNING);
  ASSERT_EQ(outdated->evidence_size(), 1);
  EXPECT_EQ(outdated->evidence(0).observed(), "1.0.0");
  EXPECT_EQ(outdated->evidence(0).expected(), "1.2.0 or later (the newest release in the catalog)");
  EXPECT_NE(outdated->detail().find("1.2.0"), std::string::npos);
  EXPECT_EQ(fix->evidence(0).expected(), "1.1.0 or later (a security release)");
}

TEST(FirmwareRules, NoReleaseDataIsInfoAndBlamesTheCatalog) {
  for (const auto& [model, version] : {std::pair{"test-own", "9.9.9"}, std::pair{"test-unverified", "5.1.0"}}) {
    const auto findings = testing::run(on(model, version));
    ASSERT_EQ(testing::codes_of(findings), Codes{"CC-FW-UNKNOWN-VERSION"}) << model;
    EXPECT_EQ(findings[0].severity(), ::coldcheck::report::SEVERITY_INFO) << model;
    EXPECT_NE(findings[0].detail().find("no confirmed release data"), std::string::npos) << findings[0].detail();
  }
  // A version the catalog lists, even unverified, is not called unknown.
  EXPECT_EQ(codes_for(on("test-unverified", "5.0.0")), Codes{});
}

TEST(FirmwareRules, VersionMissingFromKnownListIsAWarning) {
  const auto findings = testing::run(on("test-trezor", "1.2.1"));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity(), ::coldcheck::report::SEVERITY_WARNING);
  EXPECT_NE(findings[0].detail().find("not among the releases"), std::string::npos);
}

}  // namespace
}  // namespace cc::findings
