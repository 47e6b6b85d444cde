#pragma once
// Devices coldcheck identifies from the USB descriptor alone (BitBox02, Coldcard, Jade):
// model and mode from the catalog (their checks: checks/identify_only.hpp).
#include "catalog/catalog.hpp"
#include "coldcheck/facts.pb.h"
#include "enumerate/enumerate.hpp"

namespace cc::app {

// Model, maker and mode from the catalog's USB entries; only the path when none match.
::coldcheck::DeviceFacts identify_usb_node(const catalog::Catalog& catalog, const enumerate::UsbNode& node);

}  // namespace cc::app
