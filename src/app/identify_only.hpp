#pragma once
// Devices coldcheck identifies from the USB descriptor alone (BitBox02, Coldcard, Jade):
// model and mode from the catalog, and the checks it cannot run, said so plainly.
#include <vector>

#include "catalog/catalog.hpp"
#include "coldcheck/facts.pb.h"
#include "coldcheck/report.pb.h"
#include "enumerate/enumerate.hpp"
#include "findings/findings.hpp"

namespace cc::app {

// Model, maker and mode from the catalog's USB entries; only the path when none match.
::coldcheck::DeviceFacts identify_usb_node(const catalog::Catalog& catalog, const enumerate::UsbNode& node);

// fw.revision, fw.hash, auth.device as CHECK_UNSUPPORTED, each with the reason.
std::vector<::coldcheck::report::CheckResult> identify_only_checks(const ::coldcheck::DeviceFacts& facts,
                                                                   findings::Language language);

}  // namespace cc::app
