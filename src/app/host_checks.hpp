#pragma once
// Host checks as report check results (ids host.on_bus, host.udev_rules,
// host.permission, host.busy), which the findings rules read.
#include <vector>

#include "checks/check_result.hpp"
#include "coldcheck/report.pb.h"
#include "enumerate/enumerate.hpp"
#include "findings/findings.hpp"
#include "host/host_root.hpp"

namespace cc::app {

enum class Target { kNone, kUsb, kEmulator };

// `node` is the USB node being diagnosed (Target::kUsb only).
// Titles and evidence names are in `language`.
std::vector<::coldcheck::report::CheckResult> host_check_results(Target target, const enumerate::UsbNode* node,
                                                                 findings::Language language,
                                                                 const host::HostRoot& root = {});

using checks::add_evidence;
using checks::make_check;

}  // namespace cc::app
