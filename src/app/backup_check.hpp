#pragma once
// The guided backup check: explains, then has the device itself check the words the
// person enters on it (Trezor dry run), or walks the person through the maker's own
// on-device check and records what they report (Ledger). Only the outcome, the word
// count and the backup type are kept; never a word, PIN digit or passphrase.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "app/person.hpp"
#include "catalog/catalog.hpp"
#include "checks/backup.hpp"
#include "coldcheck/facts.pb.h"
#include "coldcheck/report.pb.h"
#include "core/error.hpp"
#include "drivers/trezor_driver.hpp"
#include "findings/check_ids.hpp"
#include "findings/findings.hpp"

namespace cc::app {

using checks::BackupMethod;
using checks::BackupOutcome;
using checks::BackupVerdict;

struct BackupPlan {
  BackupMethod method = BackupMethod::kUnsupported;
  std::string reason;  // why not, for kUnsupported (in the run's language)
};

BackupPlan plan_backup_check(const ::coldcheck::DeviceFacts& facts, const catalog::Catalog& catalog,
                             findings::Language language);

struct BackupCheckOptions {
  findings::Language language = findings::Language::kEnglish;
  bool assume_yes = false;                  // --yes: skip "start the check?"
  std::optional<std::uint32_t> word_count;  // --words
  std::chrono::milliseconds person_timeout{std::chrono::minutes(10)};
};

// `driver` may be null (user-reported and unsupported plans need none). Never throws
// for device trouble: an unplug, a timeout or a refusal becomes kError with a detail
// that says what to do.
BackupOutcome check_backup(drivers::TrezorDriver* driver, const ::coldcheck::DeviceFacts& facts,
                           const catalog::Catalog& catalog, Person& person, const BackupCheckOptions& options);

using checks::backup_check_not_run;
using checks::backup_check_result;

// One line for a person: "Backup check: MATCHES. <detail>" and so on, in `language`.
std::string backup_outcome_line(const BackupOutcome& outcome, findings::Language language);
// The error a command that ran only the backup check ends with; nullopt on a match.
std::optional<ErrorCode> backup_failure(const BackupOutcome& outcome);

inline constexpr const char* kBackupCheckId = findings::kBackupCheck;

}  // namespace cc::app
