#pragma once
// Binding a report to the device that was present: its secure element signs the
// report's body digest (AuthenticateDevice with the digest as challenge).
#include <string>

#include "coldcheck/report.pb.h"
#include "drivers/trezor_driver.hpp"

namespace cc::app {

// Asks the device to sign report.integrity's digest and stores the proof in
// report.binding. Throws cc::Error when the device cannot.
void bind_report(::coldcheck::report::Report& report, drivers::TrezorDriver& driver, const std::string& internal_model);

struct BindingCheck {
  bool present = false;
  bool valid = false;
  std::string summary;  // one line for a person
};

// Re-verifies the binding offline: the signed challenge is this body's digest and the
// proof verifies up to a known root (test roots only for demo reports).
BindingCheck check_binding(const ::coldcheck::report::Report& report);

}  // namespace cc::app
