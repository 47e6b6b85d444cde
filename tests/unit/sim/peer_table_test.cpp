#include "sim/peer_table.hpp"

#include <netinet/in.h>

#include <cstring>

#include <gtest/gtest.h>

namespace cc::sim {
namespace {

Endpoint peer(std::uint16_t port) {
  Endpoint e;
  sockaddr_in in{};
  in.sin_family = AF_INET;
  in.sin_port = htons(port);
  in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::memcpy(&e.address, &in, sizeof(in));
  e.length = sizeof(in);
  return e;
}

TEST(PeerTable, SamePeerSameDecoder) {
  PeerTable table(4);
  EXPECT_EQ(&table.decoder_for(peer(1)), &table.decoder_for(peer(1)));
  EXPECT_NE(&table.decoder_for(peer(1)), &table.decoder_for(peer(2)));
  EXPECT_EQ(table.size(), 2u);
}

TEST(PeerTable, EvictsTheLeastRecentlyUsed) {
  PeerTable table(2);
  table.decoder_for(peer(1));
  table.decoder_for(peer(2));
  table.decoder_for(peer(1));  // 2 is now the oldest
  table.decoder_for(peer(3));
  EXPECT_EQ(table.size(), 2u);
  EXPECT_TRUE(table.contains(peer(1)));
  EXPECT_FALSE(table.contains(peer(2)));
  EXPECT_TRUE(table.contains(peer(3)));
}

TEST(PeerTable, AnEvictedPeerStartsAfresh) {
  PeerTable table(1);
  // Half a message from peer 1...
  cc::trezor::Packet first{'?', '#', '#', 0, 1, 0, 0, 0, 100};
  EXPECT_EQ(table.decoder_for(peer(1)).feed(first), cc::trezor::Decoder::Step::kNeedMore);
  table.decoder_for(peer(2));
  // ...is forgotten: its continuation is now garbage, skipped.
  cc::trezor::Packet next{'X'};
  EXPECT_EQ(table.decoder_for(peer(1)).feed(next), cc::trezor::Decoder::Step::kSkipped);
}

}  // namespace
}  // namespace cc::sim
