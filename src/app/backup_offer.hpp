#pragma once
// Whether a diagnosis runs the guided backup check, and if not, the reason the report
// gives. The policy is the app's; the face only supplies the person's answer.
#include <functional>
#include <string>

#include "findings/findings.hpp"

namespace cc::app {

struct BackupOfferInputs {
  bool requested = false;    // check-backup, or diagnose --check-backup
  bool declined = false;     // --no-check-backup
  bool interactive = false;  // a person at a terminal who can answer
  bool demo = false;         // the built-in demo device has no screen to type on
};

struct BackupOffer {
  bool run = false;
  std::string not_run_reason;  // in `language`; empty when run
};

// Asked: run. Declined or nobody to ask: not run. Demo: not offered. Otherwise `ask`
// the person (a yes/no question in `language`).
BackupOffer decide_backup_offer(const BackupOfferInputs& inputs, findings::Language language,
                                const std::function<bool(const std::string& question)>& ask);

}  // namespace cc::app
