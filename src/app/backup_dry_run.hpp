#pragma once
// Runs the Trezor dry run for the guided backup check and fills `out` (verdict, detail,
// error); never throws for device trouble. Internal to app/.
#include "app/backup_check.hpp"
#include "app/person.hpp"
#include "drivers/trezor_driver.hpp"

namespace cc::app::backup {

void run_trezor_dry_run(drivers::TrezorDriver& driver, Person& person, bool matrix, const BackupCheckOptions& options,
                        BackupOutcome& out);

}  // namespace cc::app::backup
