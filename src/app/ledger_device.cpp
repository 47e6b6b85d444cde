#include "app/ledger_device.hpp"
#include "findings/check_ids.hpp"

#include <algorithm>

#include "app/host_checks.hpp"
#include "findings/translations.hpp"
#include "transport/replay_link.hpp"

namespace cc::app {

namespace rp = ::coldcheck::report;
using findings::tr;

void describe_listed_ledger(::coldcheck::ListedDevice& d, const ::coldcheck::DeviceFacts& f) {
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
  auto genuine = make_check(findings::kAuthDevice, tr("the device is a genuine Ledger", lang), rp::CHECK_SKIPPED,
                            tr("not verified offline: Ledger's genuine check needs Ledger's servers, which sign a "
                               "challenge the device must answer; use Ledger Live's genuine check",
                               lang));
  if (facts.ledger().flags_known()) {
    add_evidence(genuine, tr("trusts a custom certificate authority", lang),
                 facts.ledger().trust_custom_ca() ? tr("yes", lang) : tr("no", lang), tr("no", lang));
  }
  out.push_back(std::move(genuine));
  const std::string reason = tr("Ledger does not publish firmware images to compare against", lang);
  out.push_back(make_check(findings::kFwRevision, tr("firmware revision against the release catalog", lang),
                           rp::CHECK_UNSUPPORTED, reason));
  out.push_back(make_check(findings::kFwHash, tr("firmware hash against the release image", lang),
                           rp::CHECK_UNSUPPORTED, reason));
  return out;
}

}  // namespace cc::app
