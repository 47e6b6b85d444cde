// Table tests: facts -> the exact set of codes.
#include <functional>

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace cc::findings {
namespace {

using ::coldcheck::DeviceFacts;
using testing::codes_for;
using testing::healthy_facts;
using Codes = std::set<std::string>;

struct Case {
  const char* name;
  std::function<void(DeviceFacts&)> change;
  Codes want;
};

TEST(DeviceRules, Table) {
  const Case cases[] = {
      {"healthy", [](DeviceFacts&) {}, {}},
      {"locked", [](DeviceFacts& f) { f.set_unlocked(false); }, {"CC-DEV-LOCKED"}},
      {"unlocked unknown", [](DeviceFacts& f) { f.clear_unlocked(); }, {}},
      {"no pin is never locked",
       [](DeviceFacts& f) {
         f.set_pin_protection(false);
         f.set_unlocked(false);
       },
       {"CC-PIN-NOT-SET"}},
      {"pin not set", [](DeviceFacts& f) { f.set_pin_protection(false); }, {"CC-PIN-NOT-SET"}},
      {"not initialized (and so no PIN)",
       [](DeviceFacts& f) {
         f.set_initialized(false);
         f.set_pin_protection(false);
       },
       {"CC-DEV-NOT-INITIALIZED"}},
      {"initialized unknown, no pin",
       [](DeviceFacts& f) {
         f.clear_initialized();
         f.set_pin_protection(false);
       },
       {}},
      {"bootloader mode",
       [](DeviceFacts& f) { f.set_mode(::coldcheck::DEVICE_MODE_BOOTLOADER); },
       {"CC-DEV-BOOTLOADER"}},
      {"bootloader mode hides firmware and wallet rules",
       [](DeviceFacts& f) {
         f.set_mode(::coldcheck::DEVICE_MODE_BOOTLOADER);
         f.set_firmware_version("1.0.0");
         f.set_initialized(false);
       },
       {"CC-DEV-BOOTLOADER"}},
      {"no firmware", [](DeviceFacts& f) { f.set_firmware_present(false); }, {"CC-DEV-BOOTLOADER"}},
      {"firmware corrupted", [](DeviceFacts& f) { f.set_firmware_corrupted(true); }, {"CC-DEV-BOOTLOADER"}},
      {"passphrase on", [](DeviceFacts& f) { f.set_passphrase_protection(true); }, {"CC-PASSPHRASE-IN-USE"}},
      {"backup required",
       [](DeviceFacts& f) { f.set_backup(::coldcheck::BACKUP_STATE_REQUIRED); },
       {"CC-BACKUP-MISSING"}},
      {"backup disabled",
       [](DeviceFacts& f) { f.set_backup(::coldcheck::BACKUP_STATE_DISABLED); },
       {"CC-BACKUP-MISSING"}},
      {"backup unfinished",
       [](DeviceFacts& f) { f.set_backup(::coldcheck::BACKUP_STATE_UNFINISHED); },
       {"CC-BACKUP-UNFINISHED"}},
      {"backup repeatable", [](DeviceFacts& f) { f.set_backup(::coldcheck::BACKUP_STATE_REPEATABLE); }, {}},
      {"backup unknown", [](DeviceFacts& f) { f.set_backup(::coldcheck::BACKUP_STATE_UNKNOWN); }, {}},
      {"no wallet, no backup finding",
       [](DeviceFacts& f) {
         f.set_initialized(false);
         f.set_pin_protection(false);
         f.set_backup(::coldcheck::BACKUP_STATE_REQUIRED);
       },
       {"CC-DEV-NOT-INITIALIZED"}},
      {"device busy", [](DeviceFacts& f) { f.set_busy(true); }, {"CC-HOST-BUSY"}},
      {"emulator", [](DeviceFacts& f) { f.set_emulator(true); }, {"CC-AUTH-TEST-ROOT"}},
      {"several at once",
       [](DeviceFacts& f) {
         f.set_pin_protection(false);
         f.set_passphrase_protection(true);
         f.set_backup(::coldcheck::BACKUP_STATE_REQUIRED);
         f.set_firmware_version("1.0.0");
       },
       {"CC-PIN-NOT-SET", "CC-PASSPHRASE-IN-USE", "CC-BACKUP-MISSING", "CC-FW-OUTDATED", "CC-FW-SECURITY-FIX"}},
  };
  for (const auto& c : cases) {
    DeviceFacts facts = healthy_facts();
    c.change(facts);
    EXPECT_EQ(codes_for(facts), c.want) << c.name;
  }
}

TEST(DeviceRules, AbsentFactsRaiseNothing) {
  EXPECT_EQ(codes_for(DeviceFacts{}), Codes{});
  DeviceFacts only_model;
  only_model.set_catalog_id("test-trezor");
  EXPECT_EQ(codes_for(only_model), Codes{});
  // Known version and model, every optional unset, every enum unknown.
  DeviceFacts version_only;
  version_only.set_catalog_id("test-trezor");
  version_only.set_firmware_version("1.2.0");
  EXPECT_EQ(codes_for(version_only), Codes{});
  // An old version on a device no catalog model matched: nothing to compare with.
  DeviceFacts unknown_model;
  unknown_model.set_firmware_version("0.0.1");
  EXPECT_EQ(codes_for(unknown_model), Codes{});

  Inputs nothing;
  EXPECT_TRUE(evaluate(nothing, testing::test_catalog(), Language::kEnglish).empty());
}

TEST(DeviceRules, SeveritiesAndEvidence) {
  DeviceFacts facts = healthy_facts();
  facts.set_unlocked(false);
  facts.set_passphrase_protection(true);
  facts.set_backup(::coldcheck::BACKUP_STATE_UNFINISHED);
  const auto findings = testing::run(facts);
  const auto* locked = testing::find(findings, "CC-DEV-LOCKED");
  const auto* passphrase = testing::find(findings, "CC-PASSPHRASE-IN-USE");
  const auto* unfinished = testing::find(findings, "CC-BACKUP-UNFINISHED");
  ASSERT_NE(locked, nullptr);
  ASSERT_NE(passphrase, nullptr);
  ASSERT_NE(unfinished, nullptr);
  EXPECT_EQ(locked->severity(), ::coldcheck::report::SEVERITY_ADVICE);
  EXPECT_EQ(passphrase->severity(), ::coldcheck::report::SEVERITY_INFO);
  EXPECT_EQ(unfinished->severity(), ::coldcheck::report::SEVERITY_CRITICAL);
  EXPECT_NE(passphrase->detail().find("different wallet"), std::string::npos);
  for (const auto& f : findings) {
    EXPECT_FALSE(f.title().empty()) << f.code();
    EXPECT_FALSE(f.detail().empty()) << f.code();
    EXPECT_FALSE(f.remediation().empty()) << f.code();
    ASSERT_GT(f.evidence_size(), 0) << f.code();
    EXPECT_FALSE(f.evidence(0).name().empty()) << f.code();
    EXPECT_FALSE(f.evidence(0).observed().empty()) << f.code();
  }
  ASSERT_EQ(locked->evidence_size(), 1);
  EXPECT_EQ(locked->evidence(0).observed(), "no");
  EXPECT_EQ(locked->evidence(0).expected(), "yes");
}

}  // namespace
}  // namespace cc::findings
