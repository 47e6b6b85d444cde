// The device step of diagnose(): read the device, run the checks its family supports,
// and the backup check entry (run, unsupported, or not run and why).
#include "app/diagnose_steps.hpp"

#include "app/genuineness.hpp"
#include "checks/identify.hpp"
#include "checks/identify_only.hpp"
#include "checks/ledger.hpp"
#include "findings/check_ids.hpp"
#include "findings/translations.hpp"
#include "report/redact.hpp"

namespace cc::app::steps {

namespace rp = ::coldcheck::report;
using findings::tr;

namespace {

// The checks this device's family supports, in report order after device.identify.
std::vector<rp::CheckResult> family_checks(const catalog::Catalog& catalog, drivers::TrezorDriver* driver, bool ledger,
                                           const ::coldcheck::DeviceFacts& facts, const DiagnoseOptions& options,
                                           const Say& say) {
  if (driver != nullptr) {
    say("checking that the device and its firmware are genuine");
    GenuinenessOptions genuine;
    genuine.firmware_dir = options.firmware_dir;
    genuine.language = options.language;
    return genuineness_checks(*driver, facts, catalog, genuine);
  }
  if (ledger) return checks::ledger_checks(facts, options.language);
  return checks::identify_only_checks(facts, options.language);
}

// The dry run may have changed what the first read said (a PIN entered for it unlocks
// the device): the report must describe the device as it is when the run ends, so the
// state is read again. A device that no longer answers keeps the first read.
void reread_after_backup(DeviceStep& step) {
  const auto method = step.backup->method;
  if (step.driver == nullptr || (method != BackupMethod::kOnDevice && method != BackupMethod::kMatrix)) return;
  try {
    auto fresh = step.driver->identify(false);  // GetFeatures: keeps the device's session
    fresh.clear_device_id();                    // pseudonymised already, from the first read
    fresh.set_path(step.facts->path());
    *step.facts = fresh;
    *step.section.mutable_facts() = std::move(fresh);
  } catch (const Error&) {
  }
}

rp::CheckResult backup_entry(DeviceStep& step, const catalog::Catalog& catalog, const DiagnoseOptions& options,
                             const Say& say) {
  const auto lang = options.language;
  if (options.check_backup && options.person != nullptr && step.facts) {
    say("checking the recovery backup on the device");
    step.backup = check_backup(step.driver, *step.facts, catalog, *options.person, options.backup);
    reread_after_backup(step);
    return backup_check_result(*step.backup, lang);
  }
  if (step.facts) {
    if (auto plan = plan_backup_check(*step.facts, catalog, lang); plan.method == BackupMethod::kUnsupported) {
      BackupOutcome unsupported;
      unsupported.detail = std::move(plan.reason);
      return backup_check_result(unsupported, lang);
    }
  }
  const std::string why = !options.backup_not_run_reason.empty() ? options.backup_not_run_reason
                          : step.facts
                              ? tr("not requested: run coldcheck check-backup, or diagnose --check-backup", lang)
                              : tr("the device could not be read", lang);
  return backup_check_not_run(why, lang);
}

}  // namespace

DeviceStep device_section(const catalog::Catalog& catalog, const Located& where, const DiagnoseOptions& options,
                          const report::Pseudonymizer& pseudonymize, UsbNodes& usb, const Say& say) {
  DeviceStep step;
  auto& section = step.section;
  say("reading the device at " + where.path);
  try {
    if (where.node) step.hold = usb.bus().hold(*where.node);
    DeviceAccess access;
    access.opener = options.opener;
    if (where.target == Target::kUsb) access.usb = &usb.get();
    auto opened = open_device(catalog, *where.device, {}, access);
    const bool ledger = opened.ledger() != nullptr;
    step.driver = opened.driver();
    step.device = std::move(opened.device);
    auto& facts = step.facts.emplace(std::move(opened.facts));
    if (!facts.device_id().empty())
      section.set_device_pseudonym(pseudonymize(report::kPseudonymDevice, facts.device_id()));
    facts.clear_device_id();
    *section.mutable_facts() = facts;
    *section.add_checks() = checks::identify_check(
        facts, step.device ? checks::IdentifiedBy::kDevice : checks::IdentifiedBy::kUsbOnly, options.language);
    for (auto& c : family_checks(catalog, step.driver, ledger, facts, options, say)) {
      *section.add_checks() = std::move(c);
    }
  } catch (const Error& e) {
    step.error = e;
    step.silent = dynamic_cast<const DeviceSilent*>(&e) != nullptr;
    section.mutable_facts()->set_path(where.path);
    *section.add_checks() = checks::identify_failed(e.what(), options.language);
  }
  *section.add_checks() = backup_entry(step, catalog, options, say);
  return step;
}

}  // namespace cc::app::steps
