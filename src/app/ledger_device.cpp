#include "app/ledger_device.hpp"

#include <algorithm>

#include "app/devices.hpp"
#include "app/host_report.hpp"
#include "drivers/device_family.hpp"
#include "drivers/ledger_driver.hpp"
#include "findings/translations.hpp"
#include "transport/replay_link.hpp"

namespace cc::app {

namespace rp = ::coldcheck::report;
using findings::tr;

namespace {
// A Trezor emulator answers at once; waiting longer only delays its own error path.
constexpr std::chrono::milliseconds kDetectCap{1000};
}  // namespace

bool is_ledger_endpoint(const transport::DevicePath& path, const drivers::SessionOptions& options) {
  if (path.scheme == transport::Scheme::kTcp) return true;
  if (path.scheme == transport::Scheme::kReplay) {
    // A replay repeats the recorded client: over udp: that is the family probe itself.
    switch (transport::replay_recorded_scheme(path)) {
      case transport::Scheme::kTcp: return true;
      case transport::Scheme::kUdp: break;
      default: return transport::replay_opens_with_ledger_frame(path);
    }
  } else if (path.scheme != transport::Scheme::kUdp) {
    return false;
  }
  return drivers::detect_udp_family(path, std::min(options.reply_timeout, kDetectCap)) == drivers::Family::kLedger;
}

OpenedDevice open_ledger(const catalog::Catalog& catalog, const transport::DevicePath& path,
                         const drivers::SessionOptions& options) {
  auto ledger = std::make_unique<drivers::LedgerDriver>(drivers::open_apdu_channel(path), catalog, options.reply_timeout);
  auto facts = identify_or_silent([&] { return ledger->identify(); });
  OpenedDevice out;
  out.facts = std::move(facts);
  out.ledger = std::move(ledger);
  return out;
}

void describe_listed_ledger(::coldcheck::ListedDevice& d, const catalog::Catalog& catalog,
                            const drivers::SessionOptions& options) {
  const auto opened = open_ledger(catalog, transport::parse_device_path(d.path()), options);
  const auto& f = opened.facts;
  d.set_catalog_id(f.catalog_id());
  d.set_model_name(f.model_name().empty() ? "Ledger (model not identified)" : f.model_name());
  d.set_maker(f.maker());
  d.set_mode(f.mode());
  const auto& l = f.ledger();
  switch (l.screen()) {
    case ::coldcheck::LedgerFacts::SCREEN_LOCKED: d.set_detail("locked: unlock it on the device"); break;
    case ::coldcheck::LedgerFacts::SCREEN_APP: d.set_detail("app open: " + l.app_name() + " " + l.app_version()); break;
    case ::coldcheck::LedgerFacts::SCREEN_BOOTLOADER: d.set_detail("bootloader"); break;
    default: d.set_detail("dashboard"); break;
  }
}

std::vector<rp::CheckResult> ledger_checks(const ::coldcheck::DeviceFacts& facts, findings::Language lang) {
  std::vector<rp::CheckResult> out;
  // Ledger's genuine check is a handshake with Ledger's HSM; claiming a result offline
  // would be a lie, so the report says what was not done and why.
  auto genuine = make_check("auth.device", tr("the device is a genuine Ledger", lang), rp::CHECK_SKIPPED,
                            tr("not verified offline: Ledger's genuine check needs Ledger's servers, which sign a "
                               "challenge the device must answer; use Ledger Live's genuine check",
                               lang));
  if (facts.ledger().flags_known()) {
    add_evidence(genuine, tr("trusts a custom certificate authority", lang),
                 facts.ledger().trust_custom_ca() ? tr("yes", lang) : tr("no", lang), tr("no", lang));
  }
  out.push_back(std::move(genuine));
  const std::string reason = tr("Ledger does not publish firmware images to compare against", lang);
  out.push_back(make_check("fw.revision", tr("firmware revision against the release catalog", lang),
                           rp::CHECK_UNSUPPORTED, reason));
  out.push_back(make_check("fw.hash", tr("firmware hash against the release image", lang), rp::CHECK_UNSUPPORTED,
                           reason));
  return out;
}

}  // namespace cc::app
