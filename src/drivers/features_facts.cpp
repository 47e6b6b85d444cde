#include "drivers/features_facts.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "core/hex.hpp"
#include "drivers/device_string.hpp"

namespace cc::drivers {

namespace tw = ::coldcheck::wire::trezor;
namespace kw = ::coldcheck::wire::keepkey;
using ::coldcheck::DeviceFacts;

std::string version_string(std::uint32_t major, std::uint32_t minor, std::uint32_t patch) {
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

namespace {

std::string hex_of(const std::string& bytes) {
  return to_hex(std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Enum names without their prefix, lower case: CAPABILITY_BITCOIN_LIKE -> bitcoin_like.
std::string short_name(const std::string& full, std::string_view prefix) {
  std::string s = full.rfind(prefix, 0) == 0 ? full.substr(prefix.size()) : full;
  return lower(s);
}

void set_model(DeviceFacts& facts, const catalog::Model& model) {
  facts.set_catalog_id(model.id());
  facts.set_model_name(model.name());
  facts.set_maker(model.vendor());
}

void apply_catalog(DeviceFacts& facts, const catalog::Catalog& catalog) {
  const auto* model = catalog.match_features(facts.protocol_vendor(), facts.protocol_model(), facts.internal_model());
  if (model == nullptr) return;
  facts.set_catalog_id(model->id());
  facts.set_model_name(model->name());
  facts.set_maker(model->vendor());
}

// Fields laid out the same way in every Trezor-family Features.
template <typename F>
void apply_common(DeviceFacts& facts, const F& f) {
  facts.set_protocol_vendor(device_string(f.vendor()));
  facts.set_protocol_model(device_string(f.model()));
  facts.set_device_id(device_string(f.device_id()));
  const bool bootloader = f.has_bootloader_mode() && f.bootloader_mode();
  facts.set_mode(bootloader ? ::coldcheck::DEVICE_MODE_BOOTLOADER : ::coldcheck::DEVICE_MODE_FIRMWARE);
  const std::string reported = version_string(f.major_version(), f.minor_version(), f.patch_version());
  if (bootloader) {
    facts.set_bootloader_version(reported);
  } else {
    facts.set_firmware_version(reported);
  }
  if (f.has_revision()) facts.set_firmware_revision(hex_of(f.revision()));
  if (f.has_bootloader_hash()) facts.set_bootloader_hash(hex_of(f.bootloader_hash()));
  if (f.has_initialized()) facts.set_initialized(f.initialized());
  if (f.has_pin_protection()) facts.set_pin_protection(f.pin_protection());
  if (f.has_passphrase_protection()) facts.set_passphrase_protection(f.passphrase_protection());
  if (f.has_wipe_code_protection()) facts.set_wipe_code_protection(f.wipe_code_protection());
}

// A OneKey in Trezor-compatible mode says vendor "trezor.io", but only OneKey firmware
// sets these fields; they decide over the vendor string.
bool has_onekey_fields(const tw::Features& f) {
  return f.has_onekey_version() || f.has_onekey_device_type() || f.has_onekey_bootloader_version();
}

// Without a device type: the model strings, among the vendors of the models that list
// OneKey device types (the catalog's OneKey-firmware models).
const catalog::Model* match_onekey_by_model(const tw::Features& f, const catalog::Catalog& catalog) {
  for (const auto& m : catalog.models()) {
    if (m.features_match().onekey_device_type().empty()) continue;
    for (const auto& vendor : m.features_match().vendor()) {
      if (const auto* found = catalog.match_features(vendor, f.model(), f.internal_model())) return found;
    }
  }
  return nullptr;
}

// OneKey's own versions replace the Trezor-compatible major/minor/patch (2.99.99 on
// the Classic 1S), which no OneKey release list uses.
void apply_onekey(DeviceFacts& facts, const tw::Features& f, const catalog::Catalog& catalog) {
  if (f.has_onekey_version()) {
    if (facts.mode() == ::coldcheck::DEVICE_MODE_FIRMWARE)
      facts.set_firmware_version(device_string(f.onekey_version()));
  }
  if (f.has_onekey_bootloader_version()) {
    facts.set_bootloader_version(device_string(f.onekey_bootloader_version()));
    facts.set_bootloader_version_source("device");
  }
  const catalog::Model* model = nullptr;
  if (f.has_onekey_device_type()) {
    std::string name = tw::OneKeyDeviceType_Name(f.onekey_device_type());  // "ONEKEY_PRO"
    if (name.rfind("ONEKEY_", 0) == 0) name.erase(0, 7);
    model = catalog.match_onekey_device_type(name);
  }
  if (model == nullptr) model = match_onekey_by_model(f, catalog);
  if (model != nullptr) set_model(facts, *model);
}

}  // namespace

DeviceFacts facts_from_features(const tw::Features& f, const catalog::Catalog& catalog) {
  DeviceFacts facts;
  facts.set_message_table("trezor");
  apply_common(facts, f);
  // Old Trezor One bootloaders and firmware leave model empty; trezorlib assumes "1" too.
  if (!f.has_model() || f.model().empty()) {
    facts.set_protocol_model(f.major_version() == 1 ? "1" : "");
  }
  facts.set_internal_model(device_string(f.internal_model()));
  if (facts.mode() == ::coldcheck::DEVICE_MODE_BOOTLOADER) {
    if (f.has_firmware_present()) facts.set_firmware_present(f.firmware_present());
    if (f.has_fw_major() && (!f.has_firmware_present() || f.firmware_present())) {
      facts.set_firmware_version(version_string(f.fw_major(), f.fw_minor(), f.fw_patch()));
    }
    facts.set_firmware_vendor(device_string(f.fw_vendor()));
  } else {
    facts.set_firmware_present(true);
  }
  if (f.has_firmware_corrupted()) facts.set_firmware_corrupted(f.firmware_corrupted());
  if (f.has_unlocked()) facts.set_unlocked(f.unlocked());
  if (f.has_busy()) facts.set_busy(f.busy());
  if (f.has_bootloader_locked()) facts.set_bootloader_locked(f.bootloader_locked());
  facts.set_recovery_in_progress(f.recovery_status() == tw::RECOVERY_IN_PROGRESS);

  if (f.unfinished_backup()) {
    facts.set_backup(::coldcheck::BACKUP_STATE_UNFINISHED);
  } else if (f.no_backup()) {
    facts.set_backup(::coldcheck::BACKUP_STATE_DISABLED);
  } else if (f.has_backup_availability() && !(f.has_initialized() && !f.initialized())) {
    // Without a wallet there is nothing to back up: NotAvailable then means "not
    // applicable", not "done", so the state stays unknown.
    switch (f.backup_availability()) {
      case tw::BACKUP_REQUIRED: facts.set_backup(::coldcheck::BACKUP_STATE_REQUIRED); break;
      case tw::BACKUP_AVAILABLE: facts.set_backup(::coldcheck::BACKUP_STATE_REPEATABLE); break;
      default: facts.set_backup(::coldcheck::BACKUP_STATE_DONE); break;
    }
  }
  if (f.has_backup_type()) facts.set_backup_type(short_name(tw::BackupType_Name(f.backup_type()), "BACKUP_TYPE_"));
  for (int c : f.capabilities()) {
    facts.add_capabilities(short_name(tw::Capability_Name(static_cast<tw::Capability>(c)), "CAPABILITY_"));
  }
  if (has_onekey_fields(f)) {
    apply_onekey(facts, f, catalog);
  } else {
    apply_catalog(facts, catalog);
  }
  // Running firmware does not say which bootloader it sits on; a listed hash does.
  if (facts.mode() == ::coldcheck::DEVICE_MODE_FIRMWARE && facts.bootloader_version().empty()) {
    if (const auto* model = catalog.find(facts.catalog_id()); model != nullptr) {
      for (const auto& b : model->bootloaders()) {
        if (b.hash() != facts.bootloader_hash()) continue;
        facts.set_bootloader_version(b.version());
        facts.set_bootloader_version_source("catalog");
        break;
      }
    }
  }
  return facts;
}

DeviceFacts facts_from_features(const kw::Features& f, const catalog::Catalog& catalog) {
  DeviceFacts facts;
  facts.set_message_table("keepkey");
  apply_common(facts, f);
  if (facts.mode() == ::coldcheck::DEVICE_MODE_FIRMWARE) facts.set_firmware_present(true);
  if (f.has_no_backup() && f.no_backup()) facts.set_backup(::coldcheck::BACKUP_STATE_DISABLED);
  if (f.has_firmware_hash()) facts.set_firmware_hash(hex_of(f.firmware_hash()));
  facts.set_firmware_variant(device_string(f.firmware_variant()));
  apply_catalog(facts, catalog);
  if (facts.mode() == ::coldcheck::DEVICE_MODE_BOOTLOADER) {
    facts.set_bootloader_version_source("device");
  } else if (const auto* model = catalog.find(facts.catalog_id()); model != nullptr) {
    // KeepKey firmware does not say which bootloader it runs; its hash does.
    for (const auto& b : model->bootloaders()) {
      if (b.hash() == facts.bootloader_hash()) {
        facts.set_bootloader_version(b.version());
        facts.set_bootloader_version_source("catalog");
        break;
      }
    }
  }
  return facts;
}

}  // namespace cc::drivers
