#include <gtest/gtest.h>

#include "attest/der_signature.hpp"
#include "core/hex.hpp"

namespace cc::attest {
namespace {

std::optional<DerSignature> norm(const std::string& hex, std::string& why) {
  const auto bytes = from_hex(hex);
  return normalize_der_signature(bytes, why);
}

TEST(DerSignature, CanonicalPassesUnchanged) {
  std::string why;
  const auto s = norm("3006020101020102", why);
  ASSERT_TRUE(s) << why;
  EXPECT_TRUE(s->was_canonical);
  EXPECT_EQ(to_hex(s->der), "3006020101020102");
}

TEST(DerSignature, NonMinimalIntegerIsReencoded) {
  std::string why;
  // r = 00 01 (needless leading zero), s = 02.
  const auto s = norm(
      "30070202000102010"
      "2",
      why);
  ASSERT_TRUE(s) << why;
  EXPECT_FALSE(s->was_canonical);
  EXPECT_EQ(to_hex(s->der), "3006020101020102");
}

TEST(DerSignature, HighBitIntegerReadAsUnsigned) {
  std::string why;
  // r = 0x80 without the sign byte: trezorlib reads it as 128 and re-encodes 00 80.
  const auto s = norm("3006020180020102", why);
  ASSERT_TRUE(s) << why;
  EXPECT_EQ(to_hex(s->der), "300702020080020102");
}

TEST(DerSignature, Rejects) {
  for (const char* bad : {"", "31060201010201020", "3007020101020102",
                          "3006020101020102"
                          "00",
                          "30060201010301020", "300402010102", "3003020101"}) {
    std::string why;
    std::vector<std::uint8_t> bytes;
    try {
      bytes = from_hex(bad);
    } catch (...) {
      bytes.assign(std::string_view(bad).begin(), std::string_view(bad).end());
    }
    EXPECT_FALSE(normalize_der_signature(bytes, why)) << bad;
    EXPECT_FALSE(why.empty()) << bad;
  }
}

TEST(DerSignature, RejectsTooLong) {
  std::vector<std::uint8_t> big(74, 0);
  big[0] = 0x30;
  big[1] = 72;
  std::string why;
  EXPECT_FALSE(normalize_der_signature(big, why));
}

TEST(DerSignature, RejectsIntegerOver33Bytes) {
  std::vector<std::uint8_t> sig = {0x30, 0x27, 0x02, 0x22};
  sig.insert(sig.end(), 34, 0x01);
  sig.insert(sig.end(), {0x02, 0x01, 0x01});
  std::string why;
  EXPECT_FALSE(normalize_der_signature(sig, why));
  EXPECT_NE(why.find("33"), std::string::npos);
}

}  // namespace
}  // namespace cc::attest
