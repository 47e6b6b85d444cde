// CC-FW-OUTDATED, CC-FW-SECURITY-FIX, CC-FW-UNKNOWN-VERSION, CC-FW-NEWER-THAN-CATALOG:
// the running firmware's version against the catalog's releases for the model.
// CC-FW-BOOTLOADER-UNKNOWN: a retail device's bootloader hash against the model's list.
//  - Only running firmware is judged: in bootloader mode CC-DEV-BOOTLOADER already
//    says to reinstall it. An empty version or an unknown model raises nothing.
//  - Releases marked unverified make a version "known" but never accuse the device:
//    being below a verified release is what makes firmware outdated, and only verified
//    entries make a "security release". The advice, though, names the newest release
//    listed, unverified or not, so that it never points at an older one.
//  - A version above every listed release is newer than the catalog, not suspicious.
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

void unknown_version(const ::coldcheck::DeviceFacts& facts, const catalog::Model& model, bool no_data, Emitter& emit) {
  auto& f = emit.add("CC-FW-UNKNOWN-VERSION");
  if (no_data) {
    // Nothing to hold against the device: our catalog simply does not know.
    f.set_severity(::coldcheck::report::SEVERITY_INFO);
    emit.detail(f, emit.say(N_("The catalog has no confirmed release data for %s yet, so its firmware "
                               "version cannot be checked. This says nothing bad about the device."),
                            {model.name()}));
  } else {
    emit.detail(f, emit.say(N_("Firmware %1$s is not among the releases the catalog lists for %2$s."),
                            {facts.firmware_version(), model.name()}));
  }
  emit.evidence(f, N_("firmware version"), facts.firmware_version(), emit.t(N_("a release listed in the catalog")));
}

void newer_than_catalog(const ::coldcheck::DeviceFacts& facts, const catalog::Model& model,
                        const catalog::Catalog& catalog, const ReleaseView& latest, Emitter& emit) {
  auto& f = emit.add("CC-FW-NEWER-THAN-CATALOG");
  const std::string dated = catalog.info().date().empty() ? emit.t(N_("undated")) : catalog.info().date();
  f.set_detail(format(emit.t(N_("Firmware %1$s is newer than this catalog (dated %2$s), whose newest release for "
                                "%3$s is %4$s. This says nothing bad about the device.")),
                      {facts.firmware_version(), dated, model.name(), latest.release->version()}));
  emit.evidence(f, N_("firmware version"), facts.firmware_version(),
                format(emit.t(N_("%s or earlier (the releases this catalog knows)")), {latest.release->version()}));
}

// The bootloader runs before any firmware check can: one nobody published is a warning.
// Emulators and simulators have no real bootloader, so only retail devices are judged.
void bootloader_rule(const ::coldcheck::DeviceFacts& facts, const catalog::Model& model, Emitter& emit) {
  if (facts.emulator() || facts.bootloader_hash().empty() || model.bootloaders().empty()) return;
  for (const auto& b : model.bootloaders()) {
    if (b.hash() == facts.bootloader_hash()) return;
  }
  auto& f = emit.add("CC-FW-BOOTLOADER-UNKNOWN");
  f.set_detail(format(emit.t(N_("The bootloader hash %1$s is none of the %2$s bootloaders the catalog lists.")),
                      {facts.bootloader_hash(), model.name()}));
  emit.evidence(f, N_("bootloader hash"), facts.bootloader_hash(), emit.t(N_("a bootloader listed in the catalog")));
}

}  // namespace

void firmware_rules(const ::coldcheck::DeviceFacts& facts, const catalog::Catalog& catalog, Emitter& emit) {
  const catalog::Model* model = catalog.find(facts.catalog_id());
  if (model == nullptr) return;
  bootloader_rule(facts, *model, emit);
  if (facts.mode() == ::coldcheck::DEVICE_MODE_BOOTLOADER || facts.firmware_version().empty()) return;

  const auto all = parsed_releases(*model, false);
  const auto verified = parsed_releases(*model, true);
  const std::optional<Version> device = parse_version(facts.firmware_version());
  const ReleaseView* latest = newest(all);
  bool known = false;
  for (const auto& r : all) known = known || (device && compare_versions(r.version, *device) == 0);
  if (!known && device && latest != nullptr && !verified.empty() && compare_versions(*device, latest->version) > 0) {
    newer_than_catalog(facts, *model, catalog, *latest, emit);
    return;
  }
  if (!known) unknown_version(facts, *model, verified.empty(), emit);
  if (!device) return;

  if (const ReleaseView* latest_verified = newest(verified);
      latest_verified != nullptr && compare_versions(*device, latest_verified->version) < 0) {
    auto& f = emit.add("CC-FW-OUTDATED");
    emit.detail(f, emit.say(N_("The device runs firmware %1$s; the newest release in the catalog for %2$s is %3$s."),
                            {facts.firmware_version(), model->name(), latest->release->version()}));
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
    emit.detail(f,
                emit.say(N_("Firmware %1$s, a later release than the %2$s on this device, fixes a security problem."),
                         {fix->release->version(), facts.firmware_version()}));
    emit.evidence(f, N_("firmware version"), facts.firmware_version(),
                  emit.say(N_("%s or later (a security release)"), {fix->release->version()}));
  }
}

}  // namespace cc::findings
