#include "render/device_text.hpp"

#include <sstream>
#include <utility>

#include "render/words.hpp"

namespace cc::render {

namespace {

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

std::string render_facts_text(const ::coldcheck::DeviceFacts& f, const Labels& l) {
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
  t.row("mode", mode_word(f.mode(), l));
  std::string fw = f.firmware_version();
  if (fw.empty() && f.has_firmware_present() && !f.firmware_present()) fw = "none installed";
  t.row("firmware", fw);
  t.row("revision", f.firmware_revision());
  t.row("fw vendor", f.firmware_vendor());
  t.row("bootloader", f.bootloader_version());
  t.row("bl hash", f.bootloader_hash());
  if (f.has_firmware_corrupted() && f.firmware_corrupted()) t.row("integrity", "FIRMWARE CORRUPTED");
  if (f.has_bootloader_locked()) t.row("bl locked", f.bootloader_locked() ? l.yes : l.no);
  if (f.has_initialized()) t.row("initialized", f.initialized() ? "yes" : "NO (no wallet on this device)");
  if (f.has_pin_protection()) {
    std::string pin = f.pin_protection() ? "set" : "NOT SET";
    if (f.pin_protection() && f.has_unlocked()) pin += f.unlocked() ? ", unlocked" : ", locked";
    t.row("PIN", pin);
  }
  if (f.has_passphrase_protection()) t.row("passphrase", f.passphrase_protection() ? "on" : "off");
  if (f.has_wipe_code_protection()) t.row("wipe code", f.wipe_code_protection() ? "set" : "not set");
  if (f.backup() != ::coldcheck::BACKUP_STATE_UNKNOWN || !f.backup_type().empty()) {
    const std::string backup = backup_word(f, l);
    t.row("backup", backup.empty() ? l.unknown + " (" + f.backup_type() + ")" : backup);
  }
  if (f.recovery_in_progress()) t.row("recovery", "IN PROGRESS on the device");
  if (f.has_busy() && f.busy()) t.row("busy", "yes (another operation is running)");
  std::string caps;
  for (const auto& c : f.capabilities()) caps += (caps.empty() ? "" : " ") + c;
  t.row("capabilities", caps);
  if (f.has_ledger()) {
    const auto& ledger = f.ledger();
    static constexpr const char* kScreens[] = {"unknown", "dashboard", "app open", "bootloader",
                                               "LOCKED (enter the PIN on the device)"};
    t.row("screen", kScreens[static_cast<int>(ledger.screen()) % 5]);
    t.row("app", ledger.app_name().empty() ? "" : ledger.app_name() + " " + ledger.app_version());
    t.row("SE", ledger.se_version());
    t.row("MCU", ledger.mcu_version());
    if (ledger.target_id() != 0) {
      std::ostringstream id;
      id << "0x" << std::hex << ledger.target_id();
      t.row("target id", id.str());
    }
    if (ledger.flags_known()) {
      std::string flags;
      const std::pair<bool, const char*> named[] = {{ledger.onboarded(), "onboarded"},
                                                    {ledger.pin_validated(), "PIN validated"},
                                                    {ledger.recovery_mode(), "RECOVERY MODE"},
                                                    {ledger.trust_issuer(), "trusts issuer"},
                                                    {ledger.trust_custom_ca(), "TRUSTS A CUSTOM CA"},
                                                    {ledger.hsm_initialized(), "HSM initialized"}};
      for (const auto& [on, name] : named) {
        if (on) flags += (flags.empty() ? "" : ", ") + std::string(name);
      }
      t.row("flags", flags.empty() ? "none" : flags);
    }
  }
  return t.str();
}

std::string render_list_text(const ::coldcheck::DeviceList& list, const Labels& l) {
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
    out << "  [" << mode_word(d.mode(), l) << ", " << state << "]";
    if (!d.detail().empty()) out << "  " << d.detail();
    out << "\n";
  }
  return out.str();
}

}  // namespace cc::render
