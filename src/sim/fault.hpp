#pragma once
// How a scenario's Fault changes what the device sends. Faults that are about
// timing (slow) or about not answering (silence) are asked for here and applied by
// the server; faults that corrupt bytes are applied to the encoded reply.
#include <chrono>
#include <cstdint>
#include <vector>

#include "coldcheck/scenario.pb.h"
#include "protocol/trezor/codec.hpp"
#include "sim/random.hpp"

namespace cc::sim {

class FaultPolicy {
 public:
  explicit FaultPolicy(const ::coldcheck::sim::Fault& fault);

  bool answers_messages() const noexcept;
  std::chrono::milliseconds reply_delay() const noexcept;
  // The packets actually sent for one reply of wire type `type`.
  std::vector<cc::trezor::Packet> shape(std::uint16_t type, std::vector<cc::trezor::Packet> packets,
                                        Random& random) const;

 private:
  ::coldcheck::sim::Fault::Kind kind_;
  std::chrono::milliseconds delay_;
};

}  // namespace cc::sim
