#include "cli/render.hpp"

#include <sstream>
#include <utility>

#include "core/error.hpp"

namespace cc::cli {

namespace {

std::string yes_no(bool v) { return v ? "yes" : "no"; }

std::string mode_name(::coldcheck::DeviceMode mode) {
  switch (mode) {
    case ::coldcheck::DEVICE_MODE_FIRMWARE: return "firmware";
    case ::coldcheck::DEVICE_MODE_BOOTLOADER: return "bootloader";
    default: return "unknown";
  }
}

std::string backup_text(const ::coldcheck::DeviceFacts& f) {
  std::string s;
  switch (f.backup()) {
    case ::coldcheck::BACKUP_STATE_REQUIRED: s = "NOT BACKED UP"; break;
    case ::coldcheck::BACKUP_STATE_DONE: s = "done"; break;
    case ::coldcheck::BACKUP_STATE_REPEATABLE: s = "done (can be shown again on the device)"; break;
    case ::coldcheck::BACKUP_STATE_UNFINISHED: s = "UNFINISHED (interrupted)"; break;
    case ::coldcheck::BACKUP_STATE_DISABLED: s = "disabled at setup (no_backup)"; break;
    default: s = "unknown"; break;
  }
  if (!f.backup_type().empty()) s += ", " + f.backup_type();
  return s;
}

class Table {
 public:
  void row(const std::string& key, const std::string& value) {
    if (!value.empty()) out_ << "  " << key << std::string(key.size() < 14 ? 14 - key.size() : 1, ' ') << value << "\n";
  }
  std::string str() const { return out_.str(); }

 private:
  std::ostringstream out_;
};

}  // namespace

std::string render_facts_text(const ::coldcheck::DeviceFacts& f) {
  Table t;
  std::string model = f.model_name().empty() ? "unknown model" : f.model_name();
  if (!f.protocol_model().empty() || !f.internal_model().empty()) {
    model += " (model " + (f.protocol_model().empty() ? "?" : f.protocol_model());
    if (!f.internal_model().empty()) model += ", " + f.internal_model();
    model += ")";
  }
  t.row("device", model);
  t.row("maker", f.maker());
  if (!f.protocol_vendor().empty() && f.protocol_vendor() != f.maker()) t.row("vendor", f.protocol_vendor());
  t.row("path", f.path() + (f.emulator() ? "  (emulator or simulator, not a retail device)" : ""));
  t.row("mode", mode_name(f.mode()));
  std::string fw = f.firmware_version();
  if (fw.empty() && f.has_firmware_present() && !f.firmware_present()) fw = "none installed";
  t.row("firmware", fw);
  t.row("revision", f.firmware_revision());
  t.row("fw vendor", f.firmware_vendor());
  t.row("bootloader", f.bootloader_version());
  t.row("bl hash", f.bootloader_hash());
  if (f.has_firmware_corrupted() && f.firmware_corrupted()) t.row("integrity", "FIRMWARE CORRUPTED");
  if (f.has_bootloader_locked()) t.row("bl locked", yes_no(f.bootloader_locked()));
  if (f.has_initialized()) t.row("initialized", f.initialized() ? "yes" : "NO (no wallet on this device)");
  if (f.has_pin_protection()) {
    std::string pin = f.pin_protection() ? "set" : "NOT SET";
    if (f.pin_protection() && f.has_unlocked()) pin += f.unlocked() ? ", unlocked" : ", locked";
    t.row("PIN", pin);
  }
  if (f.has_passphrase_protection()) t.row("passphrase", f.passphrase_protection() ? "on" : "off");
  if (f.has_wipe_code_protection()) t.row("wipe code", f.wipe_code_protection() ? "set" : "not set");
  if (f.backup() != ::coldcheck::BACKUP_STATE_UNKNOWN || !f.backup_type().empty()) t.row("backup", backup_text(f));
  if (f.recovery_in_progress()) t.row("recovery", "IN PROGRESS on the device");
  if (f.has_busy() && f.busy()) t.row("busy", "yes (another operation is running)");
  std::string caps;
  for (const auto& c : f.capabilities()) caps += (caps.empty() ? "" : " ") + c;
  t.row("capabilities", caps);
  if (f.has_ledger()) {
    const auto& l = f.ledger();
    static constexpr const char* kScreens[] = {"unknown", "dashboard", "app open", "bootloader", "LOCKED (enter the PIN on the device)"};
    t.row("screen", kScreens[static_cast<int>(l.screen()) % 5]);
    t.row("app", l.app_name().empty() ? "" : l.app_name() + " " + l.app_version());
    t.row("SE", l.se_version());
    t.row("MCU", l.mcu_version());
    if (l.target_id() != 0) {
      std::ostringstream id;
      id << "0x" << std::hex << l.target_id();
      t.row("target id", id.str());
    }
    if (l.flags_known()) {
      std::string flags;
      const std::pair<bool, const char*> named[] = {
          {l.onboarded(), "onboarded"},         {l.pin_validated(), "PIN validated"},
          {l.recovery_mode(), "RECOVERY MODE"}, {l.trust_issuer(), "trusts issuer"},
          {l.trust_custom_ca(), "TRUSTS A CUSTOM CA"}, {l.hsm_initialized(), "HSM initialized"}};
      for (const auto& [on, name] : named) {
        if (on) flags += (flags.empty() ? "" : ", ") + std::string(name);
      }
      t.row("flags", flags.empty() ? "none" : flags);
    }
  }
  return t.str();
}

std::string render_list_text(const ::coldcheck::DeviceList& list) {
  if (list.devices().empty()) return "no hardware wallet found\n";
  std::ostringstream out;
  for (const auto& d : list.devices()) {
    std::string state;
    switch (d.state()) {
      case ::coldcheck::ACCESS_READY: state = "ready"; break;
      case ::coldcheck::ACCESS_NO_PERMISSION: state = "no permission"; break;
      case ::coldcheck::ACCESS_BUSY: state = "busy"; break;
      case ::coldcheck::ACCESS_UNREACHABLE: state = "unreachable"; break;
      default: state = "unknown"; break;
    }
    out << d.path() << "  " << (d.model_name().empty() ? "unknown model" : d.model_name());
    if (d.shared_usb_id()) out << " (USB id shared with other models; `coldcheck info` confirms)";
    out << "  [" << mode_name(d.mode()) << ", " << state << "]";
    if (!d.detail().empty()) out << "  " << d.detail();
    out << "\n";
  }
  return out.str();
}

}  // namespace cc::cli
