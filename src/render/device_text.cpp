#include "render/device_text.hpp"

#include <sstream>
#include <utility>

#include "core/utf8.hpp"
#include "render/words.hpp"

namespace cc::render {

namespace {

class Table {
 public:
  void row(const std::string& key, const std::string& value) {
    if (value.empty()) return;
    const auto width = display_width(key);
    out_ << "  " << key << std::string(width < 14 ? 14 - width : 1, ' ') << value << "\n";
  }
  std::string str() const { return out_.str(); }

 private:
  std::ostringstream out_;
};

}  // namespace

std::string render_facts_text(const ::coldcheck::DeviceFacts& f, const Labels& l, const DeviceWords& w) {
  Table t;
  std::string model = f.model_name().empty() ? w.unknown_model : f.model_name();
  if (!f.protocol_model().empty() || !f.internal_model().empty()) {
    model += " (" + w.model_number + " " + (f.protocol_model().empty() ? "?" : f.protocol_model());
    if (!f.internal_model().empty()) model += ", " + f.internal_model();
    model += ")";
  }
  t.row(w.device, model);
  t.row(w.maker, f.maker());
  if (!f.protocol_vendor().empty() && f.protocol_vendor() != f.maker()) t.row(w.vendor, f.protocol_vendor());
  t.row(w.path, f.path() + (f.emulator() ? "  " + w.emulator_note : ""));
  t.row(w.mode, mode_word(f.mode(), l));
  std::string fw = f.firmware_version();
  if (fw.empty() && f.has_firmware_present() && !f.firmware_present()) fw = w.none_installed;
  t.row(w.firmware, fw);
  t.row(w.revision, f.firmware_revision());
  t.row(w.firmware_vendor, f.firmware_vendor());
  t.row(w.bootloader, f.bootloader_version());
  t.row(w.bootloader_hash, f.bootloader_hash());
  if (f.has_firmware_corrupted() && f.firmware_corrupted()) t.row(w.integrity, w.firmware_corrupted);
  if (f.has_bootloader_locked()) t.row(w.bootloader_locked, f.bootloader_locked() ? l.yes : l.no);
  if (f.has_initialized()) t.row(w.initialized, f.initialized() ? l.yes : w.not_initialized);
  if (f.has_pin_protection()) {
    std::string pin = f.pin_protection() ? w.set : w.not_set;
    if (f.pin_protection() && f.has_unlocked()) pin += ", " + (f.unlocked() ? w.unlocked : w.locked);
    t.row(w.pin, pin);
  }
  if (f.has_passphrase_protection()) t.row(w.passphrase, f.passphrase_protection() ? w.on : w.off);
  if (f.has_wipe_code_protection()) t.row(w.wipe_code, f.wipe_code_protection() ? w.set : w.wipe_code_not_set);
  if (f.backup() != ::coldcheck::BACKUP_STATE_UNKNOWN || !f.backup_type().empty()) {
    const std::string backup = backup_word(f, l);
    t.row(w.backup, backup.empty() ? l.unknown + " (" + f.backup_type() + ")" : backup);
  }
  if (f.recovery_in_progress()) t.row(w.recovery, w.recovery_in_progress);
  if (f.has_busy() && f.busy()) t.row(w.busy, w.busy_running);
  std::string caps;
  for (const auto& c : f.capabilities()) caps += (caps.empty() ? "" : " ") + c;
  t.row(w.capabilities, caps);
  if (f.has_ledger()) {
    const auto& ledger = f.ledger();
    const std::string* screens[] = {&w.screen_unknown, &w.screen_dashboard, &w.screen_app, &w.screen_bootloader,
                                    &w.screen_locked};
    t.row(w.screen, *screens[static_cast<std::size_t>(ledger.screen()) % 5]);
    t.row(w.app, ledger.app_name().empty() ? "" : ledger.app_name() + " " + ledger.app_version());
    t.row("SE", ledger.se_version());
    t.row("MCU", ledger.mcu_version());
    if (ledger.target_id() != 0) {
      std::ostringstream id;
      id << "0x" << std::hex << ledger.target_id();
      t.row(w.target_id, id.str());
    }
    if (ledger.flags_known()) {
      std::string flags;
      const std::pair<bool, const std::string*> named[] = {
          {ledger.onboarded(), &w.flag_onboarded},         {ledger.pin_validated(), &w.flag_pin_validated},
          {ledger.recovery_mode(), &w.flag_recovery_mode}, {ledger.trust_issuer(), &w.flag_trust_issuer},
          {ledger.trust_custom_ca(), &w.flag_custom_ca},   {ledger.hsm_initialized(), &w.flag_hsm}};
      for (const auto& [on, name] : named) {
        if (on) flags += (flags.empty() ? "" : ", ") + *name;
      }
      t.row(w.flags, flags.empty() ? w.no_flags : flags);
    }
  }
  return t.str();
}

std::string render_list_text(const ::coldcheck::DeviceList& list, const Labels& l, const DeviceWords& w) {
  if (list.devices().empty()) return w.no_wallet + "\n";
  std::ostringstream out;
  for (const auto& d : list.devices()) {
    std::string state;
    switch (d.state()) {
      case ::coldcheck::ACCESS_READY: state = w.access_ready; break;
      case ::coldcheck::ACCESS_NO_PERMISSION: state = w.access_no_permission; break;
      case ::coldcheck::ACCESS_BUSY: state = w.access_busy; break;
      case ::coldcheck::ACCESS_UNREACHABLE: state = w.access_unreachable; break;
      default: state = w.access_unknown; break;
    }
    out << d.path() << "  " << (d.model_name().empty() ? w.unknown_model : d.model_name());
    if (d.shared_usb_id()) out << " " << w.shared_usb_id;
    out << "  [" << mode_word(d.mode(), l) << ", " << state << "]";
    if (!d.detail().empty()) out << "  " << d.detail();
    out << "\n";
  }
  return out.str();
}

}  // namespace cc::render
