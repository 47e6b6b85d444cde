#include "sim/ledger_device.hpp"

#include "protocol/ledger/apdu.hpp"
#include "protocol/ledger/status.hpp"

namespace cc::sim {

namespace {
constexpr std::uint16_t kSwWrongLength = 0x6700;
}  // namespace

std::vector<std::uint8_t> ledger_answer(const ::coldcheck::sim::LedgerDevice& d, std::span<const std::uint8_t> apdu) {
  const auto sw_only = [](std::uint16_t sw) { return ledger::join_reply({}, sw); };
  if (d.locked()) return sw_only(ledger::kSwLocked);
  if (apdu.size() < 4) return sw_only(kSwWrongLength);
  const bool bootloader = ledger::is_bootloader_target(d.target_id());
  const bool in_app = !d.app_name().empty();
  const std::uint8_t cla = apdu[0];
  const std::uint8_t ins = apdu[1];
  if (cla == 0xB0 && ins == 0x01) {
    if (bootloader) return sw_only(ledger::kSwInsNotSupported);
    ledger::AppInfo app;
    app.name = in_app ? d.app_name() : ledger::kDashboardName;
    app.version = in_app ? d.app_version() : d.se_version();
    return ledger::join_reply(ledger::encode_app_and_version(app), ledger::kSwOk);
  }
  if (cla == 0xE0 && ins == 0x01 && !in_app) {
    ledger::VersionInfo v;
    v.target_id = d.target_id();
    v.bootloader = bootloader;
    v.se_version = d.se_version();
    v.flags = d.flags();
    v.mcu_version = d.mcu_version();
    v.mcu_bootloader_version = d.mcu_bootloader_version();
    if (bootloader && d.se_target_id() != 0) v.se_target_id = d.se_target_id();
    return ledger::join_reply(ledger::encode_version(v), ledger::kSwOk);
  }
  // Apps reject the dashboard's class; the dashboard rejects unknown instructions.
  return sw_only(in_app ? ledger::kSwClaNotSupported : ledger::kSwInsNotSupported);
}

}  // namespace cc::sim
