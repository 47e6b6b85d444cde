#pragma once
// Which wire protocol answers at a udp: endpoint. A Trezor emulator and our Ledger
// simulator both answer PINGPING, so the first reply's framing decides.
#include <chrono>
#include <memory>

#include "coldcheck/catalog.pb.h"
#include "transport/link.hpp"

namespace cc::drivers {

struct ProbedFamily {
  ::coldcheck::catalog::ProtocolFamily family = ::coldcheck::catalog::PROTOCOL_TREZOR_V1;
  // The probe's link, handed back when the probe read its reply to the end, so the
  // driver talks over the same socket. Null when a late or partial reply could still
  // arrive on it (silence, garbage): the caller opens a fresh link then.
  std::unique_ptr<transport::Link> link;
};

// Sends a Ledger GET APP AND VERSION frame and a Trezor GetFeatures packet (each side
// ignores the other's framing) and reads the first reply. Anything but a Ledger frame,
// silence included, means Trezor, so Trezor errors keep their meaning. Link errors
// other than a timeout propagate.
ProbedFamily probe_udp_family(std::unique_ptr<transport::Link> link, std::chrono::milliseconds timeout);

}  // namespace cc::drivers
