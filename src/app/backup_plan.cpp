// Which backup check a device gets (app/backup_check.hpp: plan_backup_check).
#include "app/backup_check.hpp"
#include "catalog/capabilities.hpp"
#include "findings/translations.hpp"

namespace cc::app {

using findings::Language;
using findings::tr;

BackupPlan plan_backup_check(const ::coldcheck::DeviceFacts& facts, const catalog::Catalog& catalog, Language lang) {
  const auto* model = catalog.find(facts.catalog_id());
  // A locked Ledger names no model; the driver that read it tells the family.
  const auto method = model != nullptr     ? catalog::dry_run_method(*model)
                      : facts.has_ledger() ? catalog::DryRun::kUserReported
                                           : catalog::DryRun::kNone;
  if (method == catalog::DryRun::kUserReported) return {BackupMethod::kUserReported, {}};
  if (facts.mode() == ::coldcheck::DEVICE_MODE_BOOTLOADER) {
    return {BackupMethod::kUnsupported, tr("the device is in bootloader mode; it has no wallet to check until "
                                           "firmware is installed",
                                           lang)};
  }
  if (facts.has_initialized() && !facts.initialized()) {
    return {BackupMethod::kUnsupported, tr("the device holds no wallet, so there is nothing to check a backup "
                                           "against",
                                           lang)};
  }
  if (method == catalog::DryRun::kMatrix) return {BackupMethod::kMatrix, {}};
  if (method == catalog::DryRun::kOnDevice) return {BackupMethod::kOnDevice, {}};
  if (model != nullptr && model->message_table() == ::coldcheck::catalog::TABLE_KEEPKEY) {
    return {BackupMethod::kUnsupported, tr("KeepKey's backup check uses its cipher keyboard, which coldcheck does "
                                           "not drive yet; use KeepKey's own app",
                                           lang)};
  }
  return {BackupMethod::kUnsupported, tr("coldcheck cannot guide a backup check on this model yet; use the "
                                         "maker's own check on the device, never a website",
                                         lang)};
}

}  // namespace cc::app
