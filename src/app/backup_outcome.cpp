// How a backup check's outcome is told: the line a person reads, the exit it leads to.
#include "app/backup_check.hpp"

namespace cc::app {

using findings::tr;

std::string backup_outcome_line(const BackupOutcome& outcome, findings::Language lang) {
  switch (outcome.verdict) {
    case BackupVerdict::kMatches: return tr("Backup check: MATCHES.", lang) + " " + outcome.detail;
    case BackupVerdict::kMismatch: return tr("Backup check: DOES NOT MATCH.", lang) + " " + outcome.detail;
    case BackupVerdict::kCancelled: return tr("Backup check: cancelled.", lang) + " " + outcome.detail;
    case BackupVerdict::kUnsupported: return tr("Backup check: not available.", lang) + " " + outcome.detail;
    case BackupVerdict::kError: break;
  }
  return tr("Backup check: could not finish.", lang) + " " + outcome.detail;
}

std::optional<ErrorCode> backup_failure(const BackupOutcome& outcome) {
  switch (outcome.verdict) {
    case BackupVerdict::kMatches: return std::nullopt;
    case BackupVerdict::kMismatch: return ErrorCode::kVerificationFailed;
    case BackupVerdict::kCancelled: return ErrorCode::kCancelled;
    case BackupVerdict::kUnsupported: return ErrorCode::kUnsupported;
    case BackupVerdict::kError: break;
  }
  return outcome.error.value_or(ErrorCode::kDeviceRefused);
}

}  // namespace cc::app
