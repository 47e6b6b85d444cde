#pragma once
// The recovery backup check's outcome, and its entry in the report (backup.check).
// What happened is the app's (app/backup_check.hpp); how it reads is here.
#include <cstdint>
#include <optional>
#include <string>

#include "coldcheck/report.pb.h"
#include "core/error.hpp"
#include "findings/findings.hpp"

namespace cc::checks {

enum class BackupMethod {
  kOnDevice,      // words typed on the device's own screen (Model T, Safe 3, Safe 5)
  kMatrix,        // Trezor One: words picked on the device's scrambled grids
  kUserReported,  // the maker's on-device check; the person tells us the result (Ledger)
  kUnsupported,
};

enum class BackupVerdict { kMatches, kMismatch, kCancelled, kError, kUnsupported };

struct BackupOutcome {
  BackupVerdict verdict = BackupVerdict::kUnsupported;
  BackupMethod method = BackupMethod::kUnsupported;
  std::uint32_t word_count = 0;    // 0: not given
  std::string backup_type;         // from the device, e.g. "bip39"
  std::string detail;              // what happened, in the run's language
  std::optional<ErrorCode> error;  // kError: why (timeout, disconnected, ...)
};

// The report's backup check entry (findings::kBackupCheck). A check that was asked for
// and did not finish (cancelled, wrong PIN, an error) is CHECK_ERROR: it was tried, and
// the findings say it could not be done; only "not asked for" is CHECK_SKIPPED.
::coldcheck::report::CheckResult backup_check_result(const BackupOutcome& outcome, findings::Language language);
// The backup check entry when the person did not ask for it.
::coldcheck::report::CheckResult backup_check_not_run(const std::string& why, findings::Language language);

}  // namespace cc::checks
