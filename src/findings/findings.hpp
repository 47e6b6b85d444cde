#pragma once
// Findings: what a support agent reads first. Pure functions from facts and check
// results to coded findings (stable codes, severity, urgency, plain-language text in
// English or Simplified Chinese). No I/O; translations are compiled into the binary.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.hpp"
#include "coldcheck/facts.pb.h"
#include "coldcheck/report.pb.h"
#include "i18n/catalog.hpp"
#include "i18n/language.hpp"

namespace cc::findings {

// Languages and lookups live in cc_i18n; findings (and the layers above that name them
// through findings) use the same ones.
using i18n::Language;
using i18n::language_from_env;
using i18n::language_tag;
using i18n::parse_language;
using i18n::tr;

struct Inputs {
  const ::coldcheck::DeviceFacts* facts = nullptr;  // null: no device could be read
  // The host checks (ids in check_ids.hpp: kHostOnBus, kHostUdevRules, ...). Only a
  // CHECK_FAIL raises a finding; other statuses are context.
  std::vector<::coldcheck::report::CheckResult> host_checks;
  std::vector<::coldcheck::report::CheckResult> device_checks;  // fw/auth/backup ids later
  bool description_refused = false;                             // the secret guard fired on their text
  bool description_mentions_seed_request = false;               // see description_mentions_seed_request()
  bool demo = false;                                            // made against the built-in simulator
  bool device_silent = false;                                   // reached, but no reply in time (CC-DEV-NO-REPLY)
  // Reached, but reading it failed otherwise (garbage, a refusal, an unplug): why, as the
  // error said it (CC-DEV-UNREADABLE). Empty when it was read, silent, or never reached.
  std::string device_error;
};

// Every finding the inputs support, ordered: critical first, then by a fixed urgency
// table (CC-SCAM-RISK always first); urgency is the position, 1..n. A fact that is
// unknown (an unset proto3 optional, an empty string, an UNKNOWN enum) never raises one.
std::vector<::coldcheck::report::Finding> evaluate(const Inputs& inputs, const catalog::Catalog& catalog,
                                                   Language language);

// STOP when any finding is critical (even with no device: a scam warning stands alone);
// otherwise NO_DEVICE when no device was read; ATTENTION on warnings; OK otherwise.
// OK therefore needs a device that was read and every check established: a check that
// was not (unknown, error, skipped) raises CC-CHECK-INCOMPLETE, a warning, in evaluate().
::coldcheck::report::Verdict verdict(const std::vector<::coldcheck::report::Finding>& findings, bool device_read);

// Title and remediation of a code in a language (for `report explain --lang`).
struct Text {
  std::string title;
  std::string remediation;
};
std::optional<Text> text_for(std::string_view code, Language language);
// Every code evaluate() can emit, in urgency-table order.
std::vector<std::string> all_codes();

// True when the person's own text says someone asked for (or was given) their recovery
// phrase: a seed word ("seed", "recovery phrase", "12 words", "助记词"...) near a request
// or hand-over word ("asked", "wants", "send", "让我", "索要"...). English and Chinese.
bool description_mentions_seed_request(std::string_view text);

}  // namespace cc::findings
