#include <gtest/gtest.h>

#include "attest/attest.hpp"
#include "core/hex.hpp"

namespace cc::attest {
namespace {

std::vector<std::uint8_t> range(std::size_t n) {
  std::vector<std::uint8_t> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<std::uint8_t>(i);
  return v;
}

// Vectors from /usr/bin/python3:
//   h = b"AuthenticateDevice:"; c = bytes(i % 256 for i in range(n))
//   cs = lambda n: bytes([n]) if n < 253 else b"\xfd" + n.to_bytes(2, "little")
//   hashlib.sha256(cs(len(h)) + h + cs(len(c)) + c).hexdigest()
TEST(AuthenticateDigest, MatchesHandComputedVector32) {
  EXPECT_EQ(to_hex(authenticate_digest(range(32))), "c8aeaf7b22cda705620eb4626f2c94ce91c069a73b7e4790d98cac567f73bd25");
}

TEST(AuthenticateDigest, MatchesHandComputedVectorEmpty) {
  EXPECT_EQ(to_hex(authenticate_digest({})), "1a11fc9ffe438b4a750c519db4b19c46516a2f500c22d1d6777acabd74ba9a89");
}

TEST(AuthenticateDigest, LongChallengeUsesThreeByteCompactSize) {
  EXPECT_EQ(to_hex(authenticate_digest(range(300))),
            "962fcb2aba0cc20e9bb23e172b103a0e95ad05397527b07a58e1ea339f5b6c43");
  const auto m = authenticate_message(range(300));
  ASSERT_GE(m.size(), 23u);
  EXPECT_EQ(m[0], 19);
  EXPECT_EQ(std::string(m.begin() + 1, m.begin() + 20), "AuthenticateDevice:");
  EXPECT_EQ(m[20], 0xFD);
  EXPECT_EQ(m[21], 300 & 0xFF);
  EXPECT_EQ(m[22], 300 >> 8);
}

TEST(AuthenticateDigest, MessageLayoutForShortChallenge) {
  const auto m = authenticate_message(range(32));
  ASSERT_EQ(m.size(), 1u + 19u + 1u + 32u);
  EXPECT_EQ(m[20], 32);
  EXPECT_EQ(m.back(), 31);
}

}  // namespace
}  // namespace cc::attest
