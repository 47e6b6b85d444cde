#pragma once
// Device checks a diagnosis lists for a Ledger: what was verified and what was not.
#include <vector>

#include "coldcheck/facts.pb.h"
#include "coldcheck/report.pb.h"
#include "findings/findings.hpp"

namespace cc::checks {

// auth.device (skipped: Ledger's genuine check needs Ledger's servers), fw.revision and
// fw.hash (unsupported: no published images).
std::vector<::coldcheck::report::CheckResult> ledger_checks(const ::coldcheck::DeviceFacts& facts,
                                                            findings::Language language);

}  // namespace cc::checks
