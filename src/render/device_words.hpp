#pragma once
// The words of `coldcheck info` and `coldcheck list` that are not data: row names and
// the small phrases beside values. Like Labels, a default-constructed DeviceWords is
// English and the caller fills it in the person's language (every string literal here is
// a msgid: xgettext reads this header whole).
#include <string>
#include <vector>

namespace cc::render {

struct DeviceWords {
  // Row names of `coldcheck info`.
  std::string device = "device";
  std::string maker = "maker";
  std::string vendor = "vendor";
  std::string path = "path";
  std::string mode = "mode";
  std::string firmware = "firmware";
  std::string revision = "revision";
  std::string firmware_vendor = "fw vendor";
  std::string bootloader = "bootloader";
  std::string bootloader_hash = "bl hash";
  std::string integrity = "integrity";
  std::string bootloader_locked = "bl locked";
  std::string initialized = "initialized";
  std::string pin = "PIN";
  std::string passphrase = "passphrase";
  std::string wipe_code = "wipe code";
  std::string backup = "backup";
  std::string recovery = "recovery";
  std::string busy = "busy";
  std::string capabilities = "capabilities";
  std::string screen = "screen";
  std::string app = "app";
  std::string target_id = "target id";
  std::string flags = "flags";

  // Values and phrases.
  std::string unknown_model = "unknown model";
  std::string model_number = "model";  // "Trezor Safe 3 (model T2B1)"
  std::string emulator_note = "(emulator or simulator, not a retail device)";
  std::string none_installed = "none installed";
  std::string firmware_corrupted = "FIRMWARE CORRUPTED";
  std::string not_initialized = "NO (no wallet on this device)";
  std::string set = "set";
  std::string not_set = "NOT SET";
  std::string unlocked = "unlocked";
  std::string locked = "locked";
  std::string on = "on";
  std::string off = "off";
  std::string wipe_code_not_set = "not set";
  std::string recovery_in_progress = "IN PROGRESS on the device";
  std::string busy_running = "yes (another operation is running)";
  std::string screen_unknown = "unknown";
  std::string screen_dashboard = "dashboard";
  std::string screen_app = "app open";
  std::string screen_bootloader = "bootloader";
  std::string screen_locked = "LOCKED (enter the PIN on the device)";
  std::string flag_onboarded = "onboarded";
  std::string flag_pin_validated = "PIN validated";
  std::string flag_recovery_mode = "RECOVERY MODE";
  std::string flag_trust_issuer = "trusts issuer";
  std::string flag_custom_ca = "TRUSTS A CUSTOM CA";
  std::string flag_hsm = "HSM initialized";
  std::string no_flags = "none";

  // `coldcheck list`.
  std::string no_wallet = "no hardware wallet found";
  std::string shared_usb_id = "(USB id shared with other models; `coldcheck info` confirms)";
  std::string access_ready = "ready";
  std::string access_no_permission = "no permission";
  std::string access_busy = "busy";
  std::string access_unreachable = "unreachable";
  std::string access_unknown = "unknown";
};

// Every word, for translating them all in one loop. A test checks none is missed.
inline std::vector<std::string*> all_device_word_fields(DeviceWords& w) {
  return {&w.device,
          &w.maker,
          &w.vendor,
          &w.path,
          &w.mode,
          &w.firmware,
          &w.revision,
          &w.firmware_vendor,
          &w.bootloader,
          &w.bootloader_hash,
          &w.integrity,
          &w.bootloader_locked,
          &w.initialized,
          &w.pin,
          &w.passphrase,
          &w.wipe_code,
          &w.backup,
          &w.recovery,
          &w.busy,
          &w.capabilities,
          &w.screen,
          &w.app,
          &w.target_id,
          &w.flags,
          &w.unknown_model,
          &w.model_number,
          &w.emulator_note,
          &w.none_installed,
          &w.firmware_corrupted,
          &w.not_initialized,
          &w.set,
          &w.not_set,
          &w.unlocked,
          &w.locked,
          &w.on,
          &w.off,
          &w.wipe_code_not_set,
          &w.recovery_in_progress,
          &w.busy_running,
          &w.screen_unknown,
          &w.screen_dashboard,
          &w.screen_app,
          &w.screen_bootloader,
          &w.screen_locked,
          &w.flag_onboarded,
          &w.flag_pin_validated,
          &w.flag_recovery_mode,
          &w.flag_trust_issuer,
          &w.flag_custom_ca,
          &w.flag_hsm,
          &w.no_flags,
          &w.no_wallet,
          &w.shared_usb_id,
          &w.access_ready,
          &w.access_no_permission,
          &w.access_busy,
          &w.access_unreachable,
          &w.access_unknown};
}

}  // namespace cc::render
