// Which backup check a device gets (app/backup_check.hpp: plan_backup_check).
#include "app/backup_check.hpp"
#include "findings/translations.hpp"

namespace cc::app {

using findings::Language;
using findings::tr;

namespace {

bool is_trezor_one(const ::coldcheck::DeviceFacts& facts) {
  return facts.catalog_id() == "trezor-one" || facts.internal_model() == "T1B1" || facts.protocol_model() == "1";
}

}  // namespace

BackupPlan plan_backup_check(const ::coldcheck::DeviceFacts& facts, const catalog::Catalog& catalog, Language lang) {
  const auto* model = catalog.find(facts.catalog_id());
  const std::string maker = model != nullptr ? model->vendor() : facts.maker();
  if (maker == "Ledger") return {BackupMethod::kUserReported, {}};
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
  if (maker == "Trezor") return {is_trezor_one(facts) ? BackupMethod::kMatrix : BackupMethod::kOnDevice, {}};
  if (maker == "KeepKey") {
    return {BackupMethod::kUnsupported, tr("KeepKey's backup check uses its cipher keyboard, which coldcheck does "
                                           "not drive yet; use KeepKey's own app",
                                           lang)};
  }
  return {BackupMethod::kUnsupported, tr("coldcheck cannot guide a backup check on this model yet; use the "
                                         "maker's own check on the device, never a website",
                                         lang)};
}

}  // namespace cc::app
