// CC-DEV-WRONG-APP, CC-LEDGER-CUSTOM-CA: what only a Ledger reports. Locked and
// bootloader Ledgers are covered by the device rules through the common facts.
#include "i18n/format.hpp"
#include "findings/rules.hpp"
#include "findings/translations.hpp"

namespace cc::findings {

void ledger_rules(const ::coldcheck::DeviceFacts& facts, Emitter& emit) {
  if (!facts.has_ledger()) return;
  const auto& l = facts.ledger();

  if (l.screen() == ::coldcheck::LedgerFacts::SCREEN_APP) {
    auto& f = emit.add("CC-DEV-WRONG-APP");
    const std::string app =
        l.app_name().empty() ? emit.t(N_("an app that does not give its name")) : l.app_name() + " " + l.app_version();
    emit.detail(f, emit.say(N_("The app %s is open, so the firmware version and the device flags could not "
                               "be read: only the dashboard answers those questions."),
                            {app}));
    emit.evidence(f, N_("open app"), app, emit.t(N_("dashboard")));
  }

  if (l.flags_known() && l.trust_custom_ca()) {
    auto& f = emit.add("CC-LEDGER-CUSTOM-CA");
    f.set_detail(
        emit.t(N_("The device reports that it trusts a certificate authority other than Ledger's. Such a "
                  "key can load apps and talk to the device as if it were Ledger, which developers use on "
                  "purpose but an attacker could abuse.")));
    emit.evidence(f, N_("trusts a custom certificate authority"), emit.yes_no(true), emit.yes_no(false));
  }
}

}  // namespace cc::findings
