#include "checks/identify_only.hpp"

#include "checks/check_result.hpp"
#include "findings/check_ids.hpp"
#include "findings/translations.hpp"

namespace cc::checks {

namespace rp = ::coldcheck::report;
using findings::tr;

std::vector<rp::CheckResult> identify_only_checks(const ::coldcheck::DeviceFacts& facts, findings::Language lang) {
  const std::string who = facts.model_name().empty() ? tr(N_("this device"), lang) : facts.model_name();
  const std::string reason =
      tr(N_("coldcheck only identifies this device family from its USB descriptor; it does not speak its protocol yet"),
         lang) +
      " (" + who + ")";
  std::vector<rp::CheckResult> out;
  out.push_back(make_check(findings::kFwRevision, tr(N_("firmware revision against the release catalog"), lang),
                           rp::CHECK_UNSUPPORTED, reason));
  out.push_back(make_check(findings::kFwHash, tr(N_("firmware hash against the release image"), lang),
                           rp::CHECK_UNSUPPORTED, reason));
  out.push_back(
      make_check(findings::kAuthDevice, tr(N_("secure-element attestation"), lang), rp::CHECK_UNSUPPORTED, reason));
  return out;
}

}  // namespace cc::checks
