#include "drivers/features_facts.hpp"

#include <gtest/gtest.h>

namespace cc::drivers {
namespace {

namespace tw = ::coldcheck::wire::trezor;
namespace kw = ::coldcheck::wire::keepkey;

tw::Features safe3() {
  tw::Features f;
  f.set_vendor("trezor.io");
  f.set_major_version(2);
  f.set_minor_version(8);
  f.set_patch_version(1);
  f.set_model("Safe 3");
  f.set_internal_model("T2B1");
  f.set_initialized(true);
  f.set_pin_protection(true);
  f.set_unlocked(false);
  f.set_passphrase_protection(false);
  f.set_revision(std::string("\x1a\x2b\x3c", 3));
  f.set_backup_availability(tw::BACKUP_NOT_AVAILABLE);
  f.set_backup_type(tw::BACKUP_TYPE_SLIP39_BASIC);
  f.add_capabilities(tw::CAPABILITY_BITCOIN);
  f.add_capabilities(tw::CAPABILITY_PASSPHRASE_ENTRY);
  f.set_bootloader_locked(true);
  return f;
}

const catalog::Catalog& cat() { return catalog::Catalog::builtin(); }

TEST(FeaturesFacts, FirmwareModeSafe3) {
  const auto facts = facts_from_features(safe3(), cat());
  EXPECT_EQ(facts.catalog_id(), "trezor-safe-3");
  EXPECT_EQ(facts.model_name(), "Trezor Safe 3");
  EXPECT_EQ(facts.mode(), ::coldcheck::DEVICE_MODE_FIRMWARE);
  EXPECT_EQ(facts.firmware_version(), "2.8.1");
  EXPECT_EQ(facts.bootloader_version(), "");
  EXPECT_EQ(facts.firmware_revision(), "1a2b3c");
  EXPECT_TRUE(facts.initialized());
  EXPECT_TRUE(facts.pin_protection());
  ASSERT_TRUE(facts.has_unlocked());
  EXPECT_FALSE(facts.unlocked());
  EXPECT_EQ(facts.backup(), ::coldcheck::BACKUP_STATE_DONE);
  EXPECT_EQ(facts.backup_type(), "slip39_basic");
  ASSERT_EQ(facts.capabilities_size(), 2);
  EXPECT_EQ(facts.capabilities(0), "bitcoin");
  EXPECT_EQ(facts.capabilities(1), "passphrase_entry");
  EXPECT_TRUE(facts.bootloader_locked());
  EXPECT_EQ(facts.message_table(), "trezor");
}

TEST(FeaturesFacts, AbsentFlagsStayUnknown) {
  tw::Features f;
  f.set_vendor("trezor.io");
  f.set_major_version(2);
  f.set_minor_version(0);
  f.set_patch_version(0);
  f.set_model("T");
  const auto facts = facts_from_features(f, cat());
  EXPECT_FALSE(facts.has_initialized());
  EXPECT_FALSE(facts.has_pin_protection());
  EXPECT_FALSE(facts.has_unlocked());
  EXPECT_EQ(facts.backup(), ::coldcheck::BACKUP_STATE_UNKNOWN);
}

TEST(FeaturesFacts, BootloaderModeSplitsVersions) {
  tw::Features f;
  f.set_vendor("trezor.io");
  f.set_major_version(2);
  f.set_minor_version(1);
  f.set_patch_version(4);
  f.set_bootloader_mode(true);
  f.set_model("T");
  f.set_firmware_present(true);
  f.set_fw_major(2);
  f.set_fw_minor(6);
  f.set_fw_patch(3);
  f.set_fw_vendor("SatoshiLabs");
  const auto facts = facts_from_features(f, cat());
  EXPECT_EQ(facts.mode(), ::coldcheck::DEVICE_MODE_BOOTLOADER);
  EXPECT_EQ(facts.bootloader_version(), "2.1.4");
  EXPECT_EQ(facts.firmware_version(), "2.6.3");
  EXPECT_EQ(facts.firmware_vendor(), "SatoshiLabs");
  EXPECT_TRUE(facts.firmware_present());
  EXPECT_EQ(facts.catalog_id(), "trezor-model-t");
}

TEST(FeaturesFacts, BootloaderWithoutFirmware) {
  tw::Features f;
  f.set_vendor("trezor.io");
  f.set_major_version(2);
  f.set_minor_version(1);
  f.set_patch_version(4);
  f.set_bootloader_mode(true);
  f.set_model("T");
  f.set_firmware_present(false);
  f.set_fw_major(0);
  const auto facts = facts_from_features(f, cat());
  EXPECT_FALSE(facts.firmware_present());
  EXPECT_EQ(facts.firmware_version(), "");
}

TEST(FeaturesFacts, EmptyModelWithMajorOneIsTrezorOne) {
  tw::Features f;
  f.set_vendor("bitcointrezor.com");
  f.set_major_version(1);
  f.set_minor_version(8);
  f.set_patch_version(3);
  const auto facts = facts_from_features(f, cat());
  EXPECT_EQ(facts.protocol_model(), "1");
  EXPECT_EQ(facts.catalog_id(), "trezor-one");
}

// A Trezor One's bootloader hash names its version through the catalog; the emulator's
// blank-area hash names none.
TEST(FeaturesFacts, TrezorOneBootloaderNamedByItsHash) {
  tw::Features f;
  f.set_vendor("trezor.io");
  f.set_model("1");
  f.set_major_version(1);
  f.set_minor_version(14);
  f.set_patch_version(1);
  const std::string bl_1121 =
      "\x94\xf1\xc9\x0d\xb2\x8d\xb1\xf8\xce\x5d\xca\x96\x69\x76\x34\x36"
      "\x58\xf5\xda\xde\xe8\x38\x34\x98\x7c\x8b\x04\x9c\x49\xd1\xed\xd0";
  f.set_bootloader_hash(bl_1121);
  auto facts = facts_from_features(f, cat());
  EXPECT_EQ(facts.catalog_id(), "trezor-one");
  EXPECT_EQ(facts.bootloader_version(), "1.12.1");
  EXPECT_EQ(facts.bootloader_version_source(), "catalog");

  f.set_bootloader_hash(std::string(32, '\x11'));
  facts = facts_from_features(f, cat());
  EXPECT_EQ(facts.bootloader_version(), "");
  EXPECT_EQ(facts.bootloader_version_source(), "");
}

TEST(FeaturesFacts, BackupStates) {
  struct Case {
    void (*set)(tw::Features&);
    ::coldcheck::BackupState want;
  };
  const Case cases[] = {
      {[](tw::Features& f) { f.set_backup_availability(tw::BACKUP_REQUIRED); }, ::coldcheck::BACKUP_STATE_REQUIRED},
      {[](tw::Features& f) { f.set_backup_availability(tw::BACKUP_AVAILABLE); }, ::coldcheck::BACKUP_STATE_REPEATABLE},
      {[](tw::Features& f) { f.set_backup_availability(tw::BACKUP_NOT_AVAILABLE); }, ::coldcheck::BACKUP_STATE_DONE},
      {[](tw::Features& f) {
         f.set_unfinished_backup(true);
         f.set_backup_availability(tw::BACKUP_REQUIRED);
       },
       ::coldcheck::BACKUP_STATE_UNFINISHED},
      {[](tw::Features& f) { f.set_no_backup(true); }, ::coldcheck::BACKUP_STATE_DISABLED},
  };
  for (const auto& c : cases) {
    auto f = safe3();
    f.clear_backup_availability();
    c.set(f);
    EXPECT_EQ(facts_from_features(f, cat()).backup(), c.want) << f.ShortDebugString();
  }
}

TEST(FeaturesFacts, UnknownDeviceKeepsWhatItSaid) {
  auto f = safe3();
  f.set_vendor("example.invalid");
  f.set_model("X9");
  f.set_internal_model("ZZZZ");
  const auto facts = facts_from_features(f, cat());
  EXPECT_EQ(facts.catalog_id(), "");
  EXPECT_EQ(facts.protocol_vendor(), "example.invalid");
  EXPECT_EQ(facts.protocol_model(), "X9");
}

TEST(FeaturesFacts, KeepKeyLayout) {
  kw::Features f;
  f.set_vendor("keepkey.com");
  f.set_major_version(7);
  f.set_minor_version(7);
  f.set_patch_version(0);
  f.set_model("K1-14AM");
  f.set_initialized(true);
  f.set_pin_protection(true);
  f.set_no_backup(false);
  const auto facts = facts_from_features(f, cat());
  EXPECT_EQ(facts.message_table(), "keepkey");
  EXPECT_EQ(facts.firmware_version(), "7.7.0");
  EXPECT_EQ(facts.catalog_id(), "keepkey");
  EXPECT_TRUE(facts.pin_protection());
}

std::string bytes_of_hex(std::string_view hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  return out;
}

// bootloader 2.1.4 in keepkey/keepkey-updater firmware/releases.json
constexpr std::string_view kKeepKeyBootloader214 = "fe98454e7ebd4aef4a6db5bd4c60f52cf3f58b974283a7c1e1fcc5fea02cf3eb";

TEST(FeaturesFacts, KeepKeyFieldsFrom21On) {
  kw::Features f;
  f.set_vendor("keepkey.com");
  f.set_major_version(7);
  f.set_minor_version(10);
  f.set_patch_version(0);
  f.set_firmware_variant("KeepKey");
  f.set_firmware_hash(bytes_of_hex("5afe5afe"));
  f.set_no_backup(true);
  f.set_wipe_code_protection(true);
  f.set_bootloader_hash(bytes_of_hex(kKeepKeyBootloader214));
  const auto facts = facts_from_features(f, cat());
  EXPECT_EQ(facts.firmware_variant(), "KeepKey");
  EXPECT_EQ(facts.firmware_hash(), "5afe5afe");
  EXPECT_EQ(facts.backup(), ::coldcheck::BACKUP_STATE_DISABLED);
  EXPECT_TRUE(facts.wipe_code_protection());
  // The firmware does not say which bootloader it runs: the catalog knows it by hash.
  EXPECT_EQ(facts.bootloader_version(), "2.1.4");
  EXPECT_EQ(facts.bootloader_version_source(), "catalog");
}

TEST(FeaturesFacts, KeepKeyUnknownBootloaderHashGivesNoVersion) {
  kw::Features f;
  f.set_vendor("keepkey.com");
  f.set_major_version(7);
  f.set_minor_version(10);
  f.set_patch_version(0);
  f.set_bootloader_hash(std::string(32, '\x0b'));
  const auto facts = facts_from_features(f, cat());
  EXPECT_EQ(facts.bootloader_version(), "");
  EXPECT_EQ(facts.bootloader_version_source(), "");
  EXPECT_EQ(facts.bootloader_hash().size(), 64u);
  EXPECT_EQ(facts.bootloader_hash().substr(0, 4), "0b0b");
}

TEST(FeaturesFacts, KeepKeyBootloaderReportsItsOwnVersion) {
  kw::Features f;
  f.set_vendor("keepkey.com");
  f.set_major_version(2);
  f.set_minor_version(1);
  f.set_patch_version(4);
  f.set_bootloader_mode(true);
  const auto facts = facts_from_features(f, cat());
  EXPECT_EQ(facts.mode(), ::coldcheck::DEVICE_MODE_BOOTLOADER);
  EXPECT_EQ(facts.bootloader_version(), "2.1.4");
  EXPECT_EQ(facts.bootloader_version_source(), "device");
  EXPECT_EQ(facts.firmware_version(), "");
}

tw::Features onekey_classic1s() {
  tw::Features f;
  f.set_vendor("onekey.so");
  f.set_major_version(2);  // Trezor-compatible numbers, not OneKey's version
  f.set_minor_version(99);
  f.set_patch_version(99);
  f.set_model("1");
  f.set_onekey_version("3.15.0");
  f.set_onekey_device_type(tw::ONEKEY_CLASSIC1S);
  return f;
}

TEST(FeaturesFacts, OneKeyVersionReplacesTheCompatibleOne) {
  const auto facts = facts_from_features(onekey_classic1s(), cat());
  EXPECT_EQ(facts.maker(), "OneKey");
  EXPECT_EQ(facts.catalog_id(), "onekey-classic");
  EXPECT_EQ(facts.firmware_version(), "3.15.0");
  EXPECT_EQ(facts.message_table(), "trezor");
}

TEST(FeaturesFacts, OneKeyInTrezorCompatibleModeIsStillOneKey) {
  auto f = onekey_classic1s();
  f.set_vendor("trezor.io");
  f.set_model("T");
  f.set_onekey_device_type(tw::ONEKEY_PRO);
  const auto facts = facts_from_features(f, cat());
  EXPECT_EQ(facts.protocol_vendor(), "trezor.io");  // what it said stays on record
  EXPECT_EQ(facts.maker(), "OneKey");
  EXPECT_EQ(facts.catalog_id(), "onekey-pro");
}

TEST(FeaturesFacts, TrezorWithoutOneKeyFieldsStaysTrezor) {
  auto f = safe3();
  const auto facts = facts_from_features(f, cat());
  EXPECT_EQ(facts.maker(), "Trezor");
  EXPECT_EQ(facts.firmware_version(), "2.8.1");
}

}  // namespace
}  // namespace cc::drivers
