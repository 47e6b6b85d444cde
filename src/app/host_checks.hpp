#pragma once
// The host checks of a diagnosis (ids host.on_bus, host.udev_rules, host.permission,
// host.busy), which the findings rules read; built by checks/host.hpp.
#include <vector>

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

}  // namespace cc::app
