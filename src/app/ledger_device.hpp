#pragma once
// Ledger devices for open_device(), list_devices() and diagnose().
#include <vector>

#include "app/devices.hpp"
#include "coldcheck/report.pb.h"
#include "findings/findings.hpp"

namespace cc::app {

// Opens a Ledger at `path` (hid:, udp: simulator, tcp: Speculos) and identifies it.
OpenedDevice open_ledger(const catalog::Catalog& catalog, const transport::DevicePath& path,
                         const drivers::SessionOptions& options);

// Fills a listed emulator endpoint that speaks Ledger APDUs.
void describe_listed_ledger(::coldcheck::ListedDevice& listed, const catalog::Catalog& catalog,
                            const drivers::SessionOptions& options);

// True when the endpoint at `path` is a Ledger (tcp: always; udp: by its first reply).
bool is_ledger_endpoint(const transport::DevicePath& path, const drivers::SessionOptions& options);

// Device checks a diagnosis lists for a Ledger: what was verified and what was not.
std::vector<::coldcheck::report::CheckResult> ledger_checks(const ::coldcheck::DeviceFacts& facts,
                                                            findings::Language language);

}  // namespace cc::app
