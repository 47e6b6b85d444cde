#include "drivers/ledger_driver.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "drivers/device_string.hpp"
#include "protocol/ledger/status.hpp"

namespace cc::drivers {

namespace lf = ::coldcheck;
using Screen = ::coldcheck::LedgerFacts;

LedgerDriver::LedgerDriver(std::unique_ptr<ApduChannel> channel, const catalog::Catalog& catalog,
                           std::chrono::milliseconds reply_timeout)
    : channel_(std::move(channel)), catalog_(catalog), timeout_(reply_timeout) {}

const catalog::Model* find_ledger_model(const catalog::Catalog& catalog, std::uint32_t target_id) {
  for (const auto& m : catalog.models()) {
    if (std::count(m.ledger_target_ids().begin(), m.ledger_target_ids().end(), target_id) > 0) return &m;
  }
  return nullptr;
}

void apply_version(lf::DeviceFacts& facts, const ledger::VersionInfo& info, const catalog::Catalog& catalog) {
  auto* l = facts.mutable_ledger();
  l->set_target_id(info.target_id);
  l->set_se_version(device_string(info.se_version));
  l->set_mcu_version(device_string(info.mcu_version));
  l->set_mcu_bootloader_version(device_string(info.mcu_bootloader_version));
  l->set_flags(info.flags);
  l->set_flags_known(true);
  l->set_recovery_mode((info.flags & ledger::kFlagRecovery) != 0);
  l->set_onboarded((info.flags & ledger::kFlagOnboarded) != 0);
  l->set_trust_issuer((info.flags & ledger::kFlagTrustIssuer) != 0);
  l->set_trust_custom_ca((info.flags & ledger::kFlagTrustCustomCa) != 0);
  l->set_hsm_initialized((info.flags & ledger::kFlagHsmInitialized) != 0);
  l->set_pin_validated((info.flags & ledger::kFlagPinValidated) != 0);
  // In the bootloader the SE target id (when reported) names the model.
  const std::uint32_t model_id = info.bootloader && info.se_target_id ? *info.se_target_id : info.target_id;
  if (const auto* model = find_ledger_model(catalog, model_id)) {
    facts.set_catalog_id(model->id());
    facts.set_model_name(model->name());
    facts.set_maker(model->vendor());
  }
  // The SE version with an "-osu" suffix is the update image, not a release.
  std::string se = device_string(info.se_version);
  if (const auto pos = se.find("-osu"); pos != std::string::npos) se.erase(pos);
  if (info.bootloader) {
    l->set_screen(Screen::SCREEN_BOOTLOADER);
    facts.set_mode(lf::DEVICE_MODE_BOOTLOADER);
    facts.set_bootloader_version(l->mcu_bootloader_version());
  } else {
    l->set_screen(Screen::SCREEN_DASHBOARD);
    facts.set_mode(lf::DEVICE_MODE_FIRMWARE);
    facts.set_firmware_version(se);
    facts.set_bootloader_version(l->mcu_bootloader_version());
    facts.set_initialized(l->onboarded());
    facts.set_recovery_in_progress(l->recovery_mode());
    // A Ledger always has a PIN once onboarded; the flag tells whether it was entered.
    if (l->onboarded()) {
      facts.set_pin_protection(true);
      facts.set_unlocked(l->pin_validated());
    }
  }
}

void apply_app(lf::DeviceFacts& facts, const ledger::AppInfo& app) {
  auto* l = facts.mutable_ledger();
  l->set_app_name(device_string(app.name));
  l->set_app_version(device_string(app.version));
  if (app.name != ledger::kDashboardName) {
    l->set_screen(Screen::SCREEN_APP);
    facts.set_mode(lf::DEVICE_MODE_FIRMWARE);
    // PIN and lock state stay unknown: the app did not say them (only the dashboard's
    // flags do), and a fact the device did not send is never inferred.
  }
}

lf::DeviceFacts LedgerDriver::identify() {
  lf::DeviceFacts facts;
  facts.set_path(channel_->path());
  // Before the model is known (a locked device names none), the family's maker.
  facts.set_maker(catalog_.maker_of_protocol(::coldcheck::catalog::PROTOCOL_LEDGER_APDU));
  facts.set_protocol_vendor("ledger");
  facts.set_emulator(facts.path().rfind("udp:", 0) == 0 || facts.path().rfind("tcp:", 0) == 0);
  auto* l = facts.mutable_ledger();

  const auto locked = [&](std::uint16_t sw) {
    l->set_screen(Screen::SCREEN_LOCKED);
    l->set_last_status(ledger::sw_hex(sw));
    facts.set_pin_protection(true);
    facts.set_unlocked(false);
    facts.set_initialized(true);
  };

  const auto app_reply = channel_->exchange(ledger::get_app_and_version_command(), timeout_);
  if (ledger::is_locked(app_reply.sw)) {
    locked(app_reply.sw);
    return facts;
  }
  if (app_reply.sw == ledger::kSwOk) {
    apply_app(facts, ledger::parse_app_and_version(app_reply.data));
    if (l->screen() == Screen::SCREEN_APP) return facts;  // GET VERSION is the dashboard's
  } else if (!ledger::is_wrong_app(app_reply.sw)) {
    ledger::check_status(app_reply.sw, "GET APP AND VERSION");
  }

  // Dashboard, bootloader, or old firmware without GET APP AND VERSION.
  const auto version_reply = channel_->exchange(ledger::get_version_command(), timeout_);
  if (ledger::is_locked(version_reply.sw)) {
    locked(version_reply.sw);
    return facts;
  }
  if (ledger::is_wrong_app(version_reply.sw)) {
    // Neither command answered: some app that implements neither is open.
    l->set_screen(Screen::SCREEN_APP);
    l->set_last_status(ledger::sw_hex(version_reply.sw));
    facts.set_mode(lf::DEVICE_MODE_FIRMWARE);
    return facts;
  }
  ledger::check_status(version_reply.sw, "GET VERSION");
  apply_version(facts, ledger::parse_version(version_reply.data), catalog_);
  if (app_reply.sw == ledger::kSwOk && l->screen() == Screen::SCREEN_DASHBOARD) {
    l->set_app_name(ledger::kDashboardName);
  }
  return facts;
}

}  // namespace cc::drivers
