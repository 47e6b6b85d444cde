// CC-DEV-NO-REPLY, CC-DEV-UNREADABLE, CC-DEV-LOCKED, CC-DEV-NOT-INITIALIZED, CC-DEV-BOOTLOADER, CC-PIN-NOT-SET,
// CC-PASSPHRASE-IN-USE: the device's own state, from Features-derived facts.
#include "findings/rules.hpp"
#include "findings/translations.hpp"

namespace cc::findings {
namespace {

using ::coldcheck::DeviceFacts;

bool in_bootloader(const DeviceFacts& f) { return f.mode() == ::coldcheck::DEVICE_MODE_BOOTLOADER; }

void bootloader_rule(const DeviceFacts& facts, Emitter& emit) {
  const bool no_firmware = facts.has_firmware_present() && !facts.firmware_present();
  const bool corrupted = facts.has_firmware_corrupted() && facts.firmware_corrupted();
  if (!in_bootloader(facts) && !no_firmware && !corrupted) return;
  auto& f = emit.add("CC-DEV-BOOTLOADER");
  std::string detail =
      emit.t(N_("The device started its bootloader, the small program that installs "
                "firmware, instead of the firmware itself."));
  if (no_firmware) detail += " " + emit.t(N_("No firmware is installed."));
  if (corrupted) detail += " " + emit.t(N_("The installed firmware is damaged."));
  f.set_detail(detail);
  if (in_bootloader(facts)) emit.evidence(f, N_("device mode"), emit.t(N_("bootloader")), emit.t(N_("firmware")));
  if (facts.has_firmware_present()) {
    emit.evidence(f, N_("firmware installed"), emit.yes_no(facts.firmware_present()), emit.yes_no(true));
  }
  if (facts.has_firmware_corrupted()) {
    emit.evidence(f, N_("firmware damaged"), emit.yes_no(facts.firmware_corrupted()), emit.yes_no(false));
  }
}

}  // namespace

void device_reply_rules(const Inputs& inputs, Emitter& emit) {
  if (!inputs.device_silent) return;
  auto& f = emit.add("CC-DEV-NO-REPLY");
  f.set_detail(
      emit.t(N_("The device was reached but did not answer within the wait. A device that shows a request "
                "from another app (an address to confirm, a transaction) answers nobody else until that "
                "request is finished or cancelled on the device.")));
  emit.evidence(f, N_("reply from the device"), emit.t(N_("none in time")), emit.t(N_("a reply")));
}

void device_error_rules(const Inputs& inputs, Emitter& emit) {
  if (inputs.device_error.empty() || inputs.device_silent || inputs.facts != nullptr) return;
  auto& f = emit.add("CC-DEV-UNREADABLE");
  emit.detail(f, emit.say(N_("coldcheck reached the device but could not read it: %s"), {inputs.device_error}));
  emit.evidence(f, N_("reply from the device"), emit.t(N_("not understood")), emit.t(N_("a reply")));
}

void device_state_rules(const DeviceFacts& facts, Emitter& emit) {
  bootloader_rule(facts, emit);

  if (facts.has_pin_protection() && facts.pin_protection() && facts.has_unlocked() && !facts.unlocked()) {
    auto& f = emit.add("CC-DEV-LOCKED");
    f.set_detail(
        emit.t(N_("A PIN is set and the device has not been unlocked since it was connected, so "
                  "some checks could not run.")));
    emit.evidence(f, N_("unlocked"), emit.yes_no(false), emit.yes_no(true));
  }

  // A bootloader speaks for itself, not for the wallet: its "initialized" is not judged.
  const bool initialized_known = facts.has_initialized() && !in_bootloader(facts);
  if (initialized_known && !facts.initialized()) {
    auto& f = emit.add("CC-DEV-NOT-INITIALIZED");
    f.set_detail(
        emit.t(N_("The device reports that it is not set up: it holds no recovery phrase and no "
                  "wallet. A device that held funds looks like this after it has been wiped.")));
    emit.evidence(f, N_("initialized"), emit.yes_no(false), emit.yes_no(true));
  }

  if (initialized_known && facts.initialized() && facts.has_pin_protection() && !facts.pin_protection()) {
    auto& f = emit.add("CC-PIN-NOT-SET");
    f.set_detail(emit.t(N_("The device holds a wallet but is not protected by a PIN.")));
    emit.evidence(f, N_("PIN protection"), emit.yes_no(false), emit.yes_no(true));
  }

  if (facts.has_passphrase_protection() && facts.passphrase_protection()) {
    auto& f = emit.add("CC-PASSPHRASE-IN-USE");
    f.set_detail(
        emit.t(N_("Passphrase protection is on. Every passphrase, even one with a typo, opens a "
                  "valid but different wallet, so a wallet that looks empty usually means a "
                  "different passphrase was entered than the one used before.")));
    emit.evidence(f, N_("passphrase protection"), emit.yes_no(true), emit.t(N_("either")));
  }
}

}  // namespace cc::findings
