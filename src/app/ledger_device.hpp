#pragma once
// Ledger devices for list_devices() and diagnose().
#include <vector>

#include "coldcheck/facts.pb.h"
#include "coldcheck/report.pb.h"
#include "findings/findings.hpp"

namespace cc::app {

// Fills a listed emulator endpoint from what its Ledger said.
void describe_listed_ledger(::coldcheck::ListedDevice& listed, const ::coldcheck::DeviceFacts& facts);

// Device checks a diagnosis lists for a Ledger: what was verified and what was not.
std::vector<::coldcheck::report::CheckResult> ledger_checks(const ::coldcheck::DeviceFacts& facts,
                                                            findings::Language language);

}  // namespace cc::app
