#include "checks/backup.hpp"

#include "checks/check_result.hpp"
#include "findings/check_ids.hpp"
#include "findings/translations.hpp"

namespace cc::checks {

namespace rp = ::coldcheck::report;
using findings::Language;
using findings::tr;

rp::CheckResult backup_check_result(const BackupOutcome& outcome, Language lang) {
  rp::CheckStatus status = rp::CHECK_ERROR;
  std::string result;
  switch (outcome.verdict) {
    case BackupVerdict::kMatches:
      status = rp::CHECK_PASS;
      result = tr(N_("matches"), lang);
      break;
    case BackupVerdict::kMismatch:
      status = rp::CHECK_FAIL;
      result = tr(N_("does not match"), lang);
      break;
    case BackupVerdict::kCancelled:
      status = rp::CHECK_ERROR;
      result = tr(N_("cancelled"), lang);
      break;
    case BackupVerdict::kError:
      status = rp::CHECK_ERROR;
      result = tr(N_("error"), lang);
      break;
    case BackupVerdict::kUnsupported:
      status = rp::CHECK_UNSUPPORTED;
      result = tr(N_("not supported"), lang);
      break;
  }
  auto check =
      make_check(findings::kBackupCheck, tr(N_("recovery backup checked on the device"), lang), status, outcome.detail);
  add_evidence(check, tr(N_("result"), lang), result);
  std::string method;
  switch (outcome.method) {
    case BackupMethod::kOnDevice: method = tr(N_("measured: words entered on the device"), lang); break;
    case BackupMethod::kMatrix: method = tr(N_("measured: words chosen on the device's grids"), lang); break;
    case BackupMethod::kUserReported: method = tr(N_("reported by the person, not measured"), lang); break;
    case BackupMethod::kUnsupported: method = tr(N_("none"), lang); break;
  }
  add_evidence(check, tr(N_("method"), lang), method);
  if (outcome.word_count != 0) add_evidence(check, tr(N_("word count"), lang), std::to_string(outcome.word_count));
  if (!outcome.backup_type.empty()) add_evidence(check, tr(N_("backup type"), lang), outcome.backup_type);
  return check;
}

rp::CheckResult backup_check_not_run(const std::string& why, Language lang) {
  return make_check(findings::kBackupCheck, tr(N_("recovery backup checked on the device"), lang), rp::CHECK_SKIPPED,
                    why);
}

}  // namespace cc::checks
