// The guided backup check: the plan (backup_plan.cpp), the dialogue with the person
// (backup_dialogue.cpp), the dry run on a Trezor (backup_dry_run.cpp), and the report entry.
#include "app/backup_check.hpp"

#include "app/backup_dialogue.hpp"
#include "app/backup_dry_run.hpp"
#include "findings/translations.hpp"
#include "i18n/format.hpp"

namespace cc::app {

using backup::ask_word_count;
using backup::explain;
using backup::ledger_procedure;
using backup::valid_word_count;
using findings::Language;
using findings::tr;

BackupOutcome check_backup(drivers::TrezorDriver* driver, const ::coldcheck::DeviceFacts& facts,
                           const catalog::Catalog& catalog, Person& person, const BackupCheckOptions& options) {
  const Language lang = options.language;
  const BackupPlan plan = plan_backup_check(facts, catalog, lang);
  BackupOutcome out;
  out.method = plan.method;
  out.backup_type = facts.backup_type();
  if (plan.method == BackupMethod::kUnsupported) {
    out.verdict = BackupVerdict::kUnsupported;
    out.detail = plan.reason;
    person.tell(i18n::format(tr("Backup check not available: %s.", lang), {plan.reason}));
    return out;
  }
  explain(person, lang);
  if (plan.method == BackupMethod::kUserReported) return ledger_procedure(person, std::move(out), lang);
  const bool matrix = plan.method == BackupMethod::kMatrix;
  if (options.word_count) {
    if (!valid_word_count(*options.word_count, matrix)) {
      out.verdict = BackupVerdict::kError;
      out.detail = matrix ? tr("a Trezor One backup has 12, 18 or 24 words", lang)
                          : tr("a backup has 12, 18, 20, 24 or 33 words", lang);
      return out;
    }
    out.word_count = *options.word_count;
  }
  if (driver == nullptr) {
    out.verdict = BackupVerdict::kError;
    out.detail = tr("the device could not be opened for the check", lang);
    return out;
  }
  if (!options.word_count) {
    const auto n = ask_word_count(person, matrix, lang);
    if (!n) {
      out.verdict = BackupVerdict::kCancelled;
      out.detail = tr("cancelled before the check started", lang);
      return out;
    }
    out.word_count = *n;
  }
  if (!options.assume_yes &&
      !person.confirm(tr("Have your written backup at hand. Start the check on the device?", lang))) {
    out.verdict = BackupVerdict::kCancelled;
    out.detail = tr("cancelled before the check started", lang);
    return out;
  }

  backup::run_trezor_dry_run(*driver, person, matrix, options, out);
  return out;
}

}  // namespace cc::app
