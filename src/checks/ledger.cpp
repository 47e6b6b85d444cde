#include "checks/ledger.hpp"

#include "checks/check_result.hpp"
#include "findings/check_ids.hpp"
#include "findings/translations.hpp"

namespace cc::checks {

namespace rp = ::coldcheck::report;
using findings::tr;

std::vector<rp::CheckResult> ledger_checks(const ::coldcheck::DeviceFacts& facts, findings::Language lang) {
  std::vector<rp::CheckResult> out;
  // Ledger's genuine check is a handshake with Ledger's HSM; claiming a result offline
  // would be a lie, so the report says what was not done and why.
  auto genuine = make_check(findings::kAuthDevice, tr(N_("the device is a genuine Ledger"), lang), rp::CHECK_SKIPPED,
                            tr(N_("not verified offline: Ledger's genuine check needs Ledger's servers, which sign a "
                                  "challenge the device must answer; use Ledger Live's genuine check"),
                               lang));
  if (facts.ledger().flags_known()) {
    add_evidence(genuine, tr(N_("trusts a custom certificate authority"), lang),
                 facts.ledger().trust_custom_ca() ? tr(N_("yes"), lang) : tr(N_("no"), lang), tr(N_("no"), lang));
  }
  out.push_back(std::move(genuine));
  const std::string reason = tr(N_("Ledger does not publish firmware images to compare against"), lang);
  out.push_back(make_check(findings::kFwRevision, tr(N_("firmware revision against the release catalog"), lang),
                           rp::CHECK_UNSUPPORTED, reason));
  out.push_back(make_check(findings::kFwHash, tr(N_("firmware hash against the release image"), lang),
                           rp::CHECK_UNSUPPORTED, reason));
  return out;
}

}  // namespace cc::checks
