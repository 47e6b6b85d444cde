// CC-FW-REVISION-MISMATCH, CC-FW-HASH-MISMATCH, CC-AUTH-FAILED,
// CC-AUTH-UNLOCKED-BOOTLOADER: raised only by a device check that FAILED (never by one
// that was skipped, unsupported or could not finish).
#include <algorithm>

#include "findings/rules.hpp"
#include "findings/check_ids.hpp"
#include "findings/translations.hpp"

namespace cc::findings {
namespace {

using ::coldcheck::report::CheckResult;

struct Rule {
  std::string_view check_id;
  std::string_view code;
  const char* detail;
};

constexpr Rule kRules[] = {
    {kFwRevision, "CC-FW-REVISION-MISMATCH",
     N_("The firmware revision the device reports differs from the one published for its version.")},
    {kFwHash, "CC-FW-HASH-MISMATCH",
     N_("The device's keyed hash of its firmware differs from the hash of the released image.")},
    {kAuthDevice, "CC-AUTH-FAILED", N_("The device's secure element could not prove it was made by the maker.")},
    {kAuthUnlockedBootloader, "CC-AUTH-UNLOCKED-BOOTLOADER",
     N_("The device reports an unlocked bootloader and declines to prove it is genuine.")},
};

}  // namespace

void genuineness_rules(const Inputs& inputs, Emitter& emit) {
  for (const auto& rule : kRules) {
    const auto it = std::find_if(inputs.device_checks.begin(), inputs.device_checks.end(),
                                 [&](const CheckResult& c) { return c.id() == rule.check_id; });
    if (it == inputs.device_checks.end() || it->status() != ::coldcheck::report::CHECK_FAIL) continue;
    auto& f = emit.add(rule.code);
    f.set_detail(emit.t(rule.detail));
    for (const auto& e : it->evidence()) *f.add_evidence() = e;
  }
}

}  // namespace cc::findings
