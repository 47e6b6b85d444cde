#include "sim/fault.hpp"

#include <gtest/gtest.h>

#include "coldcheck/trezor.pb.h"
#include "core/error.hpp"
#include "protocol/trezor/registry.hpp"

namespace cc::sim {
namespace {

using Fault = ::coldcheck::sim::Fault;

FaultPolicy policy(Fault::Kind kind, std::uint32_t delay_ms = 0) {
  Fault f;
  f.set_kind(kind);
  f.set_delay_ms(delay_ms);
  return FaultPolicy(f);
}

std::vector<cc::trezor::Packet> big_features() {
  ::coldcheck::wire::trezor::Features f;
  f.set_vendor("trezor.io");
  f.set_label(std::string(100, 'L'));
  return cc::trezor::encode_message(cc::trezor::Table::kTrezor, f);
}

TEST(FaultPolicy, NoneChangesNothing) {
  Random random;
  const auto packets = big_features();
  EXPECT_EQ(policy(Fault::KIND_NONE).shape(17, packets, random), packets);
  EXPECT_TRUE(policy(Fault::KIND_NONE).answers_messages());
  EXPECT_EQ(policy(Fault::KIND_NONE).reply_delay().count(), 0);
}

TEST(FaultPolicy, GarbageNeverLooksLikeAHeader) {
  Random random;
  for (int i = 0; i < 200; ++i) {
    const auto out = policy(Fault::KIND_GARBAGE).shape(17, big_features(), random);
    for (const auto& p : out) EXPECT_NE(p[0], '?');
  }
}

TEST(FaultPolicy, WrongMagicReplacesTheMarker) {
  Random random;
  const auto packets = big_features();
  const auto out = policy(Fault::KIND_WRONG_MAGIC).shape(17, packets, random);
  ASSERT_EQ(out.size(), packets.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    EXPECT_EQ(out[i][0], '!');
    EXPECT_TRUE(std::equal(out[i].begin() + 1, out[i].end(), packets[i].begin() + 1));
  }
}

TEST(FaultPolicy, OversizedDeclaresAllOnes) {
  Random random;
  const auto out = policy(Fault::KIND_OVERSIZED_LENGTH).shape(17, big_features(), random);
  EXPECT_EQ(out[0][5], 0xFF);
  EXPECT_EQ(out[0][8], 0xFF);
  cc::trezor::Decoder decoder;
  EXPECT_THROW(decoder.feed(out[0]), cc::Error);
}

TEST(FaultPolicy, TruncatedKeepsOnlyTheFirstPacketOfFeatures) {
  Random random;
  const auto packets = big_features();
  ASSERT_GT(packets.size(), 1u);
  const auto out = policy(Fault::KIND_TRUNCATED).shape(17, packets, random);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0], packets[0]);
  // Other replies are left whole.
  EXPECT_EQ(policy(Fault::KIND_TRUNCATED).shape(2, packets, random).size(), packets.size());
}

TEST(FaultPolicy, SilenceAndSlowAreForTheServer) {
  EXPECT_FALSE(policy(Fault::KIND_SILENCE).answers_messages());
  EXPECT_EQ(policy(Fault::KIND_SLOW, 250).reply_delay().count(), 250);
}

}  // namespace
}  // namespace cc::sim
