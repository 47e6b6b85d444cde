#pragma once
// device.identify: whether the device itself told us what it is. A model named only by
// USB ids, or not named at all, is CHECK_UNKNOWN with the reason, never a pass.
#include <string>

#include "coldcheck/facts.pb.h"
#include "coldcheck/report.pb.h"
#include "findings/findings.hpp"

namespace cc::checks {

enum class IdentifiedBy {
  kDevice,   // a driver spoke to the device and these facts are its answer
  kUsbOnly,  // only the USB descriptor was seen (a family coldcheck does not speak)
};

::coldcheck::report::CheckResult identify_check(const ::coldcheck::DeviceFacts& facts, IdentifiedBy by,
                                                findings::Language language);

// The device could not be read at all (`why`: the error, already naming the path).
::coldcheck::report::CheckResult identify_failed(const std::string& why, findings::Language language);

}  // namespace cc::checks
