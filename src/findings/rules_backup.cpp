// CC-BACKUP-MISSING, CC-BACKUP-UNFINISHED: what the device says about its backup.
// BACKUP_STATE_UNKNOWN (not reported) raises nothing.
// CC-BACKUP-VERIFIED, CC-BACKUP-MISMATCH: the outcome of the guided check
// (kBackupCheck); only a PASS or FAIL raises one, never a skipped or failed run.
#include <algorithm>

#include "findings/rules.hpp"
#include "findings/check_ids.hpp"
#include "findings/translations.hpp"

namespace cc::findings {

void backup_rules(const ::coldcheck::DeviceFacts& facts, Emitter& emit) {
  // No wallet, nothing to back up; CC-DEV-NOT-INITIALIZED says what matters.
  if (facts.has_initialized() && !facts.initialized()) return;
  switch (facts.backup()) {
    case ::coldcheck::BACKUP_STATE_REQUIRED: {
      auto& f = emit.add("CC-BACKUP-MISSING");
      f.set_detail(emit.t(N_("The device reports that its recovery phrase has never been backed up.")));
      emit.evidence(f, N_("backup"), emit.t(N_("never made")), emit.t(N_("made")));
      break;
    }
    case ::coldcheck::BACKUP_STATE_DISABLED: {
      auto& f = emit.add("CC-BACKUP-MISSING");
      f.set_detail(
          emit.t(N_("The wallet was set up without a backup: if the device is lost or breaks, "
                    "the funds on it cannot be recovered.")));
      emit.evidence(f, N_("backup"), emit.t(N_("disabled at setup")), emit.t(N_("made")));
      break;
    }
    case ::coldcheck::BACKUP_STATE_UNFINISHED: {
      auto& f = emit.add("CC-BACKUP-UNFINISHED");
      f.set_detail(
          emit.t(N_("The device reports that a backup was started but not finished. It will not "
                    "show the words again, so the written backup may be missing words.")));
      emit.evidence(f, N_("backup"), emit.t(N_("interrupted")), emit.t(N_("made")));
      break;
    }
    default: break;
  }
}

void backup_check_rules(const Inputs& inputs, Emitter& emit) {
  const auto it = std::find_if(inputs.device_checks.begin(), inputs.device_checks.end(),
                               [](const ::coldcheck::report::CheckResult& c) { return c.id() == kBackupCheck; });
  if (it == inputs.device_checks.end()) return;
  const char* code = nullptr;
  if (it->status() == ::coldcheck::report::CHECK_PASS) code = "CC-BACKUP-VERIFIED";
  if (it->status() == ::coldcheck::report::CHECK_FAIL) code = "CC-BACKUP-MISMATCH";
  if (code == nullptr) return;
  auto& f = emit.add(code);
  f.set_detail(it->detail());  // already in the report's language; says measured or reported
  for (const auto& e : it->evidence()) *f.add_evidence() = e;
}

}  // namespace cc::findings
