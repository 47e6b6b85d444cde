#pragma once
// Host checks as report check results (ids host.on_bus, host.udev_rules,
// host.permission, host.busy), which the findings rules read.
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

::coldcheck::report::CheckResult make_check(std::string id, std::string title, ::coldcheck::report::CheckStatus status,
                                            std::string detail = {});
void add_evidence(::coldcheck::report::CheckResult& check, std::string name, std::string observed,
                  std::string expected = {});

}  // namespace cc::app
