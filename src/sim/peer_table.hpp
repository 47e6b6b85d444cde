#pragma once
// One frame decoder per client address, so interleaved clients do not corrupt each
// other's messages. Bounded: the oldest-used peer is forgotten first.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "protocol/trezor/codec.hpp"
#include "sim/udp_socket.hpp"

namespace cc::sim {

class PeerTable {
 public:
  static constexpr std::size_t kDefaultCapacity = 16;

  explicit PeerTable(std::size_t capacity = kDefaultCapacity, std::size_t max_payload = cc::trezor::kDefaultMaxPayload);

  // The decoder for `peer`, created (evicting the least recently used) when new.
  cc::trezor::Decoder& decoder_for(const Endpoint& peer);
  std::size_t size() const noexcept { return peers_.size(); }
  bool contains(const Endpoint& peer) const noexcept;

 private:
  struct Peer {
    Endpoint endpoint;
    std::uint64_t last_used = 0;
    cc::trezor::Decoder decoder;
  };
  std::size_t capacity_;
  std::size_t max_payload_;
  std::uint64_t clock_ = 0;
  std::vector<Peer> peers_;
};

}  // namespace cc::sim
