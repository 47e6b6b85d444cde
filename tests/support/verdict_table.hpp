#pragma once
// The golden verdict table (tests/data/verdicts.table): per simulator scenario and
// transport, the exact verdict, finding codes and device check statuses a diagnosis
// gives. One row per line:
//   <scenario> <transport> exit=<n> verdict=<VERDICT> findings=<codes> checks=<id:status,...>
// Host findings (CC-HOST-*) and host checks are left out: they describe the computer
// the test runs on (its udev rules), not the device.
#include <map>
#include <string>
#include <vector>

#include "coldcheck/report.pb.h"

namespace cc::test_support {

std::string verdict_row(const std::string& scenario, const std::string& transport, int exit_code,
                        const ::coldcheck::report::Report& report);

// The committed table, keyed by "<scenario> <transport>".
std::map<std::string, std::string> load_verdict_table();

// Empty when `got` rows equal the table's rows for the same keys and the table has no
// other row for `scenario` among `transports`; otherwise a diff, "-" table, "+" got.
std::string verdict_diff(const std::map<std::string, std::string>& table, const std::string& scenario,
                         const std::vector<std::string>& transports, const std::vector<std::string>& got);

}  // namespace cc::test_support
