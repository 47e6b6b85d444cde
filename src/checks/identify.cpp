#include "checks/identify.hpp"

#include "checks/check_result.hpp"
#include "findings/check_ids.hpp"
#include "findings/translations.hpp"
#include "i18n/format.hpp"

namespace cc::checks {

namespace rp = ::coldcheck::report;
using findings::tr;

namespace {

// Why a device that answered named no model, in words that say how to get it.
std::string no_model_reason(const ::coldcheck::DeviceFacts& facts, findings::Language lang) {
  if (facts.has_ledger()) {
    const auto& l = facts.ledger();
    if (l.screen() == ::coldcheck::LedgerFacts::SCREEN_APP) {
      const std::string app = l.app_name().empty() ? tr(N_("an app"), lang) : l.app_name();
      return i18n::format(tr(N_("the model cannot be read while %s is open on the Ledger: only the dashboard "
                                "names it. Close the app on the device (back to the dashboard) and run the "
                                "check again"),
                             lang),
                          {app});
    }
    if (l.screen() == ::coldcheck::LedgerFacts::SCREEN_LOCKED) {
      return tr(N_("the Ledger is locked, so it names no model: unlock it on the device and run the check again"),
                lang);
    }
  }
  return tr(N_("the device answered, but what it said names no model in the catalog"), lang);
}

}  // namespace

rp::CheckResult identify_check(const ::coldcheck::DeviceFacts& facts, IdentifiedBy by, findings::Language lang) {
  const std::string title = tr(N_("identify the device"), lang);
  if (by == IdentifiedBy::kUsbOnly) {
    const std::string who = facts.model_name().empty() ? tr(N_("unknown"), lang) : facts.model_name();
    auto c = make_check(findings::kDeviceIdentify, title, rp::CHECK_UNKNOWN,
                        tr(N_("identified from its USB ids only; coldcheck does not speak this device's protocol, "
                              "so nothing was read from the device itself"),
                           lang));
    add_evidence(c, tr(N_("model (from the USB ids)"), lang), who, tr(N_("the model as the device reports it"), lang));
    return c;
  }
  if (facts.model_name().empty()) {
    auto c = make_check(findings::kDeviceIdentify, title, rp::CHECK_UNKNOWN, no_model_reason(facts, lang));
    add_evidence(c, tr(N_("model"), lang), tr(N_("not read"), lang), tr(N_("a model in the catalog"), lang));
    return c;
  }
  auto c = make_check(findings::kDeviceIdentify, title, rp::CHECK_PASS);
  add_evidence(c, tr(N_("model"), lang), facts.model_name());
  return c;
}

rp::CheckResult identify_failed(const std::string& why, findings::Language lang) {
  return make_check(findings::kDeviceIdentify, tr(N_("identify the device"), lang), rp::CHECK_ERROR, why);
}

}  // namespace cc::checks
