#include "sim/peer_table.hpp"

#include <algorithm>
#include <cstring>

namespace cc::sim {

namespace {

bool same(const Endpoint& a, const Endpoint& b) noexcept {
  return a.length == b.length && std::memcmp(&a.address, &b.address, a.length) == 0;
}

}  // namespace

PeerTable::PeerTable(std::size_t capacity, std::size_t max_payload)
    : capacity_(std::max<std::size_t>(capacity, 1)), max_payload_(max_payload) {
  peers_.reserve(capacity_);
}

bool PeerTable::contains(const Endpoint& peer) const noexcept {
  return std::any_of(peers_.begin(), peers_.end(), [&](const Peer& p) { return same(p.endpoint, peer); });
}

cc::trezor::Decoder& PeerTable::decoder_for(const Endpoint& peer) {
  ++clock_;
  for (Peer& p : peers_) {
    if (same(p.endpoint, peer)) {
      p.last_used = clock_;
      return p.decoder;
    }
  }
  if (peers_.size() == capacity_) {
    auto oldest = std::min_element(peers_.begin(), peers_.end(),
                                   [](const Peer& a, const Peer& b) { return a.last_used < b.last_used; });
    *oldest = Peer{peer, clock_, cc::trezor::Decoder(max_payload_)};
    return oldest->decoder;
  }
  peers_.push_back(Peer{peer, clock_, cc::trezor::Decoder(max_payload_)});
  return peers_.back().decoder;
}

}  // namespace cc::sim
