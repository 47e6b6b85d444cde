#pragma once
// What changed between two reports of one device, in lines a person can read:
// "firmware version: 1.8.3 → 1.12.1", "finding removed: CC-FW-OUTDATED (warning) …".
#include <string>
#include <vector>

#include "coldcheck/report.pb.h"

namespace cc::report {

struct DiffOptions {
  bool force = false;  // compare even when the reports are about different devices
};

// Empty when nothing that matters changed (run times and digests are not compared).
// Throws Error{kInvalidArgument} when the device pseudonyms differ, unless forced
// (then the first line says so). Pseudonyms only match for reports made with the
// same install key.
std::vector<std::string> diff(const ::coldcheck::report::Report& before, const ::coldcheck::report::Report& after,
                              const DiffOptions& options = {});

}  // namespace cc::report
