#include <gtest/gtest.h>

#include "catalog/catalog.hpp"
#include "findings/findings.hpp"
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
      {"1.2.0", {}},                                        // newest verified
      {"1.2", {}},                                          // same version, short form
      {"1.3.0", {}},                                        // listed, unverified: known, never newest
      {"1.1.0", {"CC-FW-OUTDATED"}},                        // is the security release itself
      {"1.0.0", {"CC-FW-OUTDATED", "CC-FW-SECURITY-FIX"}},  // below the security release
      {"0.9.0", {"CC-FW-UNKNOWN-VERSION", "CC-FW-OUTDATED", "CC-FW-SECURITY-FIX"}},
      {"1.10.0", {"CC-FW-NEWER-THAN-CATALOG"}},  // numerically above every release
      {"1.3.1", {"CC-FW-NEWER-THAN-CATALOG"}},   // above the (unverified) newest
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
  // The newest release listed, even one not fully confirmed, is what the advice names:
  // pointing at 1.2.0 when 1.3.0 exists would be wrong advice.
  EXPECT_EQ(outdated->evidence(0).expected(), "1.3.0 or later (the newest release in the catalog)");
  EXPECT_NE(outdated->detail().find("1.3.0"), std::string::npos);
  EXPECT_EQ(fix->evidence(0).expected(), "1.1.0 or later (a security release)");
}

TEST(FirmwareRules, NoReleaseDataIsInfoAndBlamesTheCatalog) {
  for (const auto& [model, version] : {std::pair{"test-own", "9.9.9"}, std::pair{"test-unverified", "5.1.0"}}) {
    const auto findings = testing::run(on(model, version));
    // Nothing held against the device, but its version went unjudged: never an OK.
    ASSERT_EQ(testing::codes_of(findings), (Codes{"CC-FW-UNKNOWN-VERSION", "CC-CHECK-INCOMPLETE"})) << model;
    const auto* unknown = testing::find(findings, "CC-FW-UNKNOWN-VERSION");
    EXPECT_EQ(unknown->severity(), ::coldcheck::report::SEVERITY_INFO) << model;
    EXPECT_NE(unknown->detail().find("no confirmed release data"), std::string::npos) << unknown->detail();
    EXPECT_NE(verdict(findings, true), ::coldcheck::report::VERDICT_OK) << model;
  }
  // A version the catalog lists, even unverified, is not called unknown; whether it is
  // current still cannot be judged.
  const auto listed = testing::run(on("test-unverified", "5.0.0"));
  ASSERT_EQ(testing::codes_of(listed), Codes{"CC-CHECK-INCOMPLETE"});
  EXPECT_NE(listed[0].evidence(0).observed().find("no confirmed release data"), std::string::npos);
}

TEST(FirmwareRules, VersionMissingFromKnownListIsAWarning) {
  const auto findings = testing::run(on("test-trezor", "1.2.1"));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity(), ::coldcheck::report::SEVERITY_WARNING);
  EXPECT_NE(findings[0].detail().find("not among the releases"), std::string::npos);
}

TEST(FirmwareRules, NewerThanTheCatalogIsInfoAndNamesItsDate) {
  const auto findings = testing::run(on("test-trezor", "1.10.0"));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].code(), "CC-FW-NEWER-THAN-CATALOG");
  EXPECT_EQ(findings[0].severity(), ::coldcheck::report::SEVERITY_INFO);
  // The test catalog has no catalog.textproto, so no date.
  EXPECT_NE(findings[0].detail().find("newer than this catalog (dated undated)"), std::string::npos)
      << findings[0].detail();
  EXPECT_EQ(findings[0].detail().find("outdated"), std::string::npos);
}

// The real catalog: a Trezor One on 1.13.0 is told about 1.14.1 and its security fix.
TEST(FirmwareRules, TrezorOneOn1130AgainstTheBuiltinCatalog) {
  DeviceFacts f = testing::healthy_facts();
  f.set_catalog_id("trezor-one");
  f.set_firmware_version("1.13.0");
  Inputs in;
  in.facts = &f;
  const auto& catalog = catalog::Catalog::builtin();
  const auto findings = evaluate(in, catalog, Language::kEnglish);
  const auto* outdated = testing::find(findings, "CC-FW-OUTDATED");
  const auto* fix = testing::find(findings, "CC-FW-SECURITY-FIX");
  ASSERT_NE(outdated, nullptr);
  ASSERT_NE(fix, nullptr);
  EXPECT_EQ(outdated->evidence(0).expected(), "1.14.1 or later (the newest release in the catalog)");
  EXPECT_EQ(fix->evidence(0).expected(), "1.14.1 or later (a security release)");

  // Above the newest release: newer than the catalog, dated, and nothing else.
  f.set_firmware_version("1.15.0");
  const auto newer = evaluate(in, catalog, Language::kEnglish);
  ASSERT_EQ(testing::codes_of(newer), Codes{"CC-FW-NEWER-THAN-CATALOG"});
  EXPECT_NE(newer[0].detail().find("newer than this catalog (dated " + catalog.info().date() + ")"), std::string::npos)
      << newer[0].detail();
}

TEST(FirmwareRules, UnknownBootloaderOnARetailDeviceIsAWarning) {
  DeviceFacts f = testing::healthy_facts();
  f.set_catalog_id("trezor-one");
  f.set_firmware_version("1.14.1");
  f.set_bootloader_hash("94f1c90db28db1f8ce5dca966976343658f5dadee83834987c8b049c49d1edd0");  // 1.12.1
  Inputs in;
  in.facts = &f;
  const auto& catalog = catalog::Catalog::builtin();
  EXPECT_EQ(testing::find(evaluate(in, catalog, Language::kEnglish), "CC-FW-BOOTLOADER-UNKNOWN"), nullptr);

  f.set_bootloader_hash(std::string(64, 'a'));
  const auto findings = evaluate(in, catalog, Language::kEnglish);
  const auto* unknown = testing::find(findings, "CC-FW-BOOTLOADER-UNKNOWN");
  ASSERT_NE(unknown, nullptr);
  EXPECT_EQ(unknown->severity(), ::coldcheck::report::SEVERITY_WARNING);
  EXPECT_EQ(unknown->evidence(0).observed(), std::string(64, 'a'));

  // The emulator reports the hash of its blank bootloader area: not a retail device.
  f.set_emulator(true);
  f.set_bootloader_hash("9378f2d641be25b1d9c62d9c4d249c7a440ad34eff6246d9cf25d623a755267b");
  EXPECT_EQ(testing::find(evaluate(in, catalog, Language::kEnglish), "CC-FW-BOOTLOADER-UNKNOWN"), nullptr);
  // No hash reported, or a model without a bootloader list: nothing to judge.
  f.set_emulator(false);
  f.clear_bootloader_hash();
  EXPECT_EQ(testing::find(evaluate(in, catalog, Language::kEnglish), "CC-FW-BOOTLOADER-UNKNOWN"), nullptr);
  f.set_bootloader_hash(std::string(64, 'a'));
  f.set_catalog_id("test-trezor");
  EXPECT_EQ(testing::find(testing::run(f), "CC-FW-BOOTLOADER-UNKNOWN"), nullptr);
}

}  // namespace
}  // namespace cc::findings
