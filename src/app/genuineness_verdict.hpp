#pragma once
// What `coldcheck verify` concludes from the genuineness checks.
#include <string>
#include <vector>

#include "coldcheck/report.pb.h"

namespace cc::app {

enum class GenuinenessVerdict {
  kNoFailure,           // no check failed (some may be unsupported or skipped)
  kUnlockedBootloader,  // the only failure: genuine hardware that ran custom firmware
  kNotGenuine,          // any other failure
};

GenuinenessVerdict genuineness_verdict(const std::vector<::coldcheck::report::CheckResult>& checks);
// One line for a person, starting "verdict: ".
std::string genuineness_verdict_line(GenuinenessVerdict verdict);

}  // namespace cc::app
