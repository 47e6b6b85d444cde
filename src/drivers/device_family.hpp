#pragma once
// Which wire protocol answers at a udp: endpoint. A Trezor emulator and our Ledger
// simulator both answer PINGPING, so the first reply's framing decides.
#include <chrono>

#include "transport/device_path.hpp"

namespace cc::drivers {

enum class Family { kTrezor, kLedger };

// Sends a Ledger GET APP AND VERSION frame and a Trezor GetFeatures packet (each side
// ignores the other's framing) and reads the first reply. Anything but a Ledger frame,
// silence included, means Trezor, so Trezor errors keep their meaning. Errors opening
// the link propagate.
Family detect_udp_family(const transport::DevicePath& path, std::chrono::milliseconds timeout);

}  // namespace cc::drivers
