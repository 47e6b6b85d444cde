#pragma once
// What `coldcheck verify` concludes from the genuineness checks.
#include <string>
#include <vector>

#include "coldcheck/report.pb.h"

namespace cc::app {

enum class GenuinenessVerdict {
  kNoFailure,           // every check this model has ran, none failed (some may be unsupported)
  kIncomplete,          // none failed, but some could not establish a result (skipped, error, unknown)
  kUnlockedBootloader,  // the only failure: genuine hardware that ran custom firmware
  kNotGenuine,          // any other failure
};

GenuinenessVerdict genuineness_verdict(const std::vector<::coldcheck::report::CheckResult>& checks);
// Failed: a verdict `verify` ends with exit 12 on.
bool genuineness_failed(GenuinenessVerdict verdict);
// One line for a person, starting "verdict: ".
std::string genuineness_verdict_line(GenuinenessVerdict verdict);

}  // namespace cc::app
