// CC-CHECK-INCOMPLETE: a device was read, but some check could not establish its result
// (CHECK_UNKNOWN, CHECK_ERROR, or a device check skipped this time). The verdict can then
// never be OK: the finding lists what could not be checked and why, from the checks
// themselves. CHECK_UNSUPPORTED is the model's or family's limit, stated in its check,
// not a gap of this run; a backup check that was not asked for (skipped) is none either.
// Without a device the verdict is NO_DEVICE, which says this already.
#include "findings/check_ids.hpp"
#include "findings/rules.hpp"
#include "findings/translations.hpp"
#include "findings/version.hpp"

namespace cc::findings {
namespace {

using ::coldcheck::report::CheckResult;

bool is_gap(const CheckResult& c, bool device_check) {
  switch (c.status()) {
    case ::coldcheck::report::CHECK_UNKNOWN:
    case ::coldcheck::report::CHECK_ERROR: return true;
    case ::coldcheck::report::CHECK_SKIPPED: return device_check && c.id() != kBackupCheck;
    default: return false;
  }
}

// The firmware version is judged against the catalog's verified releases (the firmware
// rules); a model with none leaves the device's version unjudged.
bool version_unjudged(const ::coldcheck::DeviceFacts& f, const catalog::Catalog& catalog) {
  const auto* model = catalog.find(f.catalog_id());
  if (model == nullptr || f.mode() != ::coldcheck::DEVICE_MODE_FIRMWARE || f.firmware_version().empty()) return false;
  for (const auto& r : model->releases()) {
    if (!r.unverified() && parse_version(r.version())) return false;
  }
  return true;
}

}  // namespace

void coverage_rules(const Inputs& inputs, const catalog::Catalog& catalog, Emitter& emit) {
  if (inputs.facts == nullptr) return;
  std::vector<const CheckResult*> gaps;
  CheckResult version_gap;
  if (version_unjudged(*inputs.facts, catalog)) {
    version_gap.set_title(emit.t(N_("firmware version against the release catalog")));
    version_gap.set_detail(
        emit.t(N_("the catalog has no confirmed release data for this model, so whether this firmware is current "
                  "is not known")));
    gaps.push_back(&version_gap);
  }
  for (const auto& c : inputs.host_checks) {
    if (is_gap(c, false)) gaps.push_back(&c);
  }
  for (const auto& c : inputs.device_checks) {
    if (is_gap(c, true)) gaps.push_back(&c);
  }
  if (gaps.empty()) return;
  auto& f = emit.add("CC-CHECK-INCOMPLETE");
  f.set_detail(
      emit.t(N_("Some checks could not establish their result, so this report is not a clean result: what was not "
                "checked may hide a problem. Each is listed below with the reason.")));
  for (const auto* c : gaps) {
    // Titles and reasons are the checks' own words, already in the report's language.
    auto* e = f.add_evidence();
    e->set_name(c->title().empty() ? c->id() : c->title());
    e->set_observed(c->detail().empty() ? emit.t(N_("not established")) : c->detail());
    e->set_expected(emit.t(N_("checked")));
  }
}

}  // namespace cc::findings
