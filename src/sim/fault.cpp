#include "sim/fault.hpp"

#include <algorithm>

namespace cc::sim {

namespace {

using Fault = ::coldcheck::sim::Fault;
constexpr std::uint16_t kFeaturesType = 17;

void make_garbage(cc::trezor::Packet& p, Random& random) {
  random.fill(p);
  // Never a valid header: a reader must skip this, not parse it.
  if (p[0] == '?') p[0] = static_cast<std::uint8_t>('?' + 1);
}

}  // namespace

FaultPolicy::FaultPolicy(const Fault& fault)
    : kind_(fault.kind()), delay_(kind_ == Fault::KIND_SLOW ? fault.delay_ms() : 0) {}

bool FaultPolicy::answers_messages() const noexcept { return kind_ != Fault::KIND_SILENCE; }

std::chrono::milliseconds FaultPolicy::reply_delay() const noexcept { return delay_; }

std::vector<cc::trezor::Packet> FaultPolicy::shape(std::uint16_t type, std::vector<cc::trezor::Packet> packets,
                                                   Random& random) const {
  switch (kind_) {
    case Fault::KIND_GARBAGE:
      for (auto& p : packets) make_garbage(p, random);
      break;
    case Fault::KIND_WRONG_MAGIC:
      for (auto& p : packets) p[0] = '!';
      break;
    case Fault::KIND_OVERSIZED_LENGTH:
      std::fill(packets.front().begin() + 5, packets.front().begin() + 9, std::uint8_t{0xFF});
      break;
    case Fault::KIND_TRUNCATED:
      if (type == kFeaturesType && packets.size() > 1) packets.resize(1);
      break;
    default: break;
  }
  return packets;
}

}  // namespace cc::sim
