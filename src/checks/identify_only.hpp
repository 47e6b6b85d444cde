#pragma once
// Devices coldcheck identifies from the USB descriptor alone (BitBox02, Coldcard, Jade):
// the checks it cannot run on them, each said so plainly with the reason.
#include <vector>

#include "coldcheck/facts.pb.h"
#include "coldcheck/report.pb.h"
#include "findings/findings.hpp"

namespace cc::checks {

// fw.revision, fw.hash, auth.device as CHECK_UNSUPPORTED, each with the reason.
std::vector<::coldcheck::report::CheckResult> identify_only_checks(const ::coldcheck::DeviceFacts& facts,
                                                                   findings::Language language);

}  // namespace cc::checks
