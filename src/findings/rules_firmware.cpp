// CC-FW-OUTDATED, CC-FW-SECURITY-FIX, CC-FW-UNKNOWN-VERSION: the running firmware's
// version against the catalog's releases for the model.
//  - Only running firmware is judged: in bootloader mode CC-DEV-BOOTLOADER already
//    says to reinstall it. An empty version or an unknown model raises nothing.
//  - Releases marked unverified make a version "known" but never accuse the device:
//    they count for neither "newest release" nor "security release".
//  - Versions compare number by number ("2.10.0" > "2.9.4").
#include <optional>

#include "i18n/format.hpp"
#include "findings/rules.hpp"
#include "findings/translations.hpp"
#include "findings/version.hpp"

namespace cc::findings {
namespace {

using ::coldcheck::catalog::Release;

struct ReleaseView {
  const Release* release;
  Version version;
};

std::vector<ReleaseView> parsed_releases(const catalog::Model& model, bool verified_only) {
  std::vector<ReleaseView> out;
  for (const auto& r : model.releases()) {
    if (verified_only && r.unverified()) continue;
    if (auto v = parse_version(r.version())) out.push_back({&r, *std::move(v)});
  }
  return out;
}

const ReleaseView* newest(const std::vector<ReleaseView>& releases) {
  const ReleaseView* best = nullptr;
  for (const auto& r : releases) {
    if (best == nullptr || compare_versions(r.version, best->version) > 0) best = &r;
  }
  return best;
}

void unknown_version(const ::coldcheck::DeviceFacts& facts, const catalog::Model& model, bool no_data,
                     Emitter& emit) {
  auto& f = emit.add("CC-FW-UNKNOWN-VERSION");
  if (no_data) {
    // Nothing to hold against the device: our catalog simply does not know.
    f.set_severity(::coldcheck::report::SEVERITY_INFO);
    emit.detail(f, emit.say(N_("The catalog has no confirmed release data for %s yet, so its firmware "
                                  "version cannot be checked. This says nothing bad about the device."), {model.name()}));
  } else {
    emit.detail(f, emit.say(N_("Firmware %1$s is not among the releases the catalog lists for %2$s."), {facts.firmware_version(), model.name()}));
  }
  emit.evidence(f, N_("firmware version"), facts.firmware_version(), emit.t(N_("a release listed in the catalog")));
}

}  // namespace

void firmware_rules(const ::coldcheck::DeviceFacts& facts, const catalog::Catalog& catalog, Emitter& emit) {
  if (facts.mode() == ::coldcheck::DEVICE_MODE_BOOTLOADER || facts.firmware_version().empty()) return;
  const catalog::Model* model = catalog.find(facts.catalog_id());
  if (model == nullptr) return;

  const auto all = parsed_releases(*model, false);
  const auto verified = parsed_releases(*model, true);
  const std::optional<Version> device = parse_version(facts.firmware_version());
  bool known = false;
  for (const auto& r : all) known = known || (device && compare_versions(r.version, *device) == 0);
  if (!known) unknown_version(facts, *model, verified.empty(), emit);
  if (!device) return;

  if (const ReleaseView* latest = newest(verified); latest != nullptr && compare_versions(*device, latest->version) < 0) {
    auto& f = emit.add("CC-FW-OUTDATED");
    emit.detail(f, emit.say(N_("The device runs firmware %1$s; the newest release in the catalog for %2$s is %3$s."), {facts.firmware_version(), model->name(), latest->release->version()}));
    emit.evidence(f, N_("firmware version"), facts.firmware_version(),
                  emit.say(N_("%s or later (the newest release in the catalog)"), {latest->release->version()}));
  }

  // The newest later release that fixes a security problem: updating to it (or later)
  // brings every fix the catalog knows of.
  const ReleaseView* fix = nullptr;
  for (const auto& r : verified) {
    if (!r.release->security_fix() || compare_versions(r.version, *device) <= 0) continue;
    if (fix == nullptr || compare_versions(r.version, fix->version) > 0) fix = &r;
  }
  if (fix != nullptr) {
    auto& f = emit.add("CC-FW-SECURITY-FIX");
    emit.detail(f, emit.say(N_("Firmware %1$s, a later release than the %2$s on this device, fixes a security problem."), {fix->release->version(), facts.firmware_version()}));
    emit.evidence(f, N_("firmware version"), facts.firmware_version(),
                  emit.say(N_("%s or later (a security release)"), {fix->release->version()}));
  }
}

}  // namespace cc::findings
