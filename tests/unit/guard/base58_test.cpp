#include "guard/base58.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace cc::guard {
namespace {

std::vector<std::uint8_t> decode(std::string_view s) {
  Base58Bytes b;
  EXPECT_TRUE(base58_decode(s, b)) << s;
  return {b.bytes().begin(), b.bytes().end()};
}

TEST(Base58, DecodesKnownValues) {
  EXPECT_EQ(decode("1"), (std::vector<std::uint8_t>{0}));
  EXPECT_EQ(decode("11"), (std::vector<std::uint8_t>{0, 0}));
  EXPECT_EQ(decode("2"), (std::vector<std::uint8_t>{1}));
  EXPECT_EQ(decode("z"), (std::vector<std::uint8_t>{57}));
  EXPECT_EQ(decode("21"), (std::vector<std::uint8_t>{58}));
  EXPECT_EQ(decode("5R"), (std::vector<std::uint8_t>{1, 0}));  // 256
  EXPECT_EQ(decode("1112"), (std::vector<std::uint8_t>{0, 0, 0, 1}));
  // "hello world" from the draft-msporny-base58 test vectors.
  const auto hw = decode("StV1DL6CwTryKyV");
  EXPECT_EQ(std::string(hw.begin(), hw.end()), "hello world");
}

TEST(Base58, RejectsCharactersOutsideTheAlphabet) {
  Base58Bytes b;
  for (std::string_view s : {"0", "O", "I", "l", "abc+", "", "\xff"}) {
    EXPECT_FALSE(base58_decode(s, b)) << s;
  }
  EXPECT_FALSE(base58_decode(std::string(kBase58MaxChars + 1, 'z'), b));
  EXPECT_TRUE(base58_decode(std::string(kBase58MaxChars, 'z'), b));
}

TEST(Base58, Checksum) {
  Base58Bytes b;
  ASSERT_TRUE(base58_decode("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", b));  // genesis address
  EXPECT_EQ(b.bytes().size(), 25u);
  EXPECT_TRUE(base58check_valid(b.bytes()));
  ASSERT_TRUE(base58_decode("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", b));
  EXPECT_FALSE(base58check_valid(b.bytes()));
  const std::uint8_t tiny[4] = {0, 0, 0, 0};
  EXPECT_FALSE(base58check_valid(tiny));
}

}  // namespace
}  // namespace cc::guard
