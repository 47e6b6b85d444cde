// The glue between the guided backup check and the driver's dry run: the request,
// Ctrl-C, and what each result means for the person.
#include "app/backup_dry_run.hpp"

#include "app/backup_dialogue.hpp"
#include "findings/translations.hpp"
#include "i18n/format.hpp"

namespace cc::app::backup {

using findings::Language;
using findings::tr;

namespace {

std::string error_detail(const Error& e, Language lang) {
  switch (e.code()) {
    case ErrorCode::kDisconnected:
      return tr(
          "the device was disconnected during the check. Nothing was changed on it; plug it back in and "
          "run the check again.",
          lang);
    case ErrorCode::kTimeout: return i18n::format(tr("the check stopped waiting: %s", lang), {e.what()});
    default: return i18n::format(tr("the check could not finish: %s", lang), {e.what()});
  }
}

}  // namespace

void run_trezor_dry_run(drivers::TrezorDriver& driver, Person& person, bool matrix, const BackupCheckOptions& options,
                        BackupOutcome& out) {
  const Language lang = options.language;
  const auto adapter = backup::dry_run_person(person, lang);
  drivers::DryRunRequest request;
  request.matrix = matrix;
  request.word_count = out.word_count;
  request.person_timeout = options.person_timeout;
  auto& session = driver.session();
  session.set_interrupted([&person] { return person.interrupted(); });
  try {
    const auto result = drivers::run_dry_run(session, request, *adapter);
    session.set_interrupted(nullptr);
    switch (result.result) {
      case drivers::DryRunResult::kMatches:
        out.verdict = BackupVerdict::kMatches;
        out.detail = tr("the device says the words match its wallet", lang);
        break;
      case drivers::DryRunResult::kMismatch:
        out.verdict = BackupVerdict::kMismatch;
        out.detail = tr("the device says the words do not match its wallet", lang);
        break;
      case drivers::DryRunResult::kCancelled:
        out.verdict = BackupVerdict::kCancelled;
        out.detail = tr("cancelled; the device is back on its home screen", lang);
        break;
      case drivers::DryRunResult::kPinInvalid:
        out.verdict = BackupVerdict::kError;
        out.detail =
            tr("the device did not accept the PIN. Run the check again and type the positions of the "
               "digits as the device shows them; after each wrong PIN the device makes you wait longer, "
               "and too many wrong PINs erase it.",
               lang);
        break;
      case drivers::DryRunResult::kRefused:
        out.verdict = BackupVerdict::kError;
        out.error = ErrorCode::kUnsupported;
        out.detail =
            tr("the device asked for the words to be typed on the computer. coldcheck never does that; "
               "update the device's firmware and check the backup on the device.",
               lang);
        break;
    }
  } catch (const Error& e) {
    session.set_interrupted(nullptr);
    out.verdict = BackupVerdict::kError;
    out.error = e.code();
    out.detail = error_detail(e, lang);
  }
}

}  // namespace cc::app::backup
