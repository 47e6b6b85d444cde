#pragma once
// Ledger devices for list_devices() (their checks: checks/ledger.hpp).
#include "coldcheck/facts.pb.h"

namespace cc::app {

// Fills a listed emulator endpoint from what its Ledger said.
void describe_listed_ledger(::coldcheck::ListedDevice& listed, const ::coldcheck::DeviceFacts& facts);

}  // namespace cc::app
