#pragma once
// Building check results: every check in the report is made through these.
#include <string>

#include "coldcheck/report.pb.h"

namespace cc::checks {

::coldcheck::report::CheckResult make_check(std::string id, std::string title, ::coldcheck::report::CheckStatus status,
                                            std::string detail = {});
void add_evidence(::coldcheck::report::CheckResult& check, std::string name, std::string observed,
                  std::string expected = {});

}  // namespace cc::checks
