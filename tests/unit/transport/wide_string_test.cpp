#include "transport/wide_string.hpp"

#include <gtest/gtest.h>

namespace cc::transport {
namespace {

TEST(WideString, EncodesUtf8) {
  EXPECT_EQ(to_utf8(nullptr), "");
  EXPECT_EQ(to_utf8(L"TREZOR"), "TREZOR");
  EXPECT_EQ(to_utf8(L"\u00e9\u4e2d"), "\xc3\xa9\xe4\xb8\xad");
  EXPECT_EQ(to_utf8(L"\U0001F512"), "\xf0\x9f\x94\x92");
}

TEST(WideString, ReplacesInvalidCodePoints) {
  const wchar_t bad[] = {static_cast<wchar_t>(0xD800), static_cast<wchar_t>(0x110000), 0};
  EXPECT_EQ(to_utf8(bad), "\xef\xbf\xbd\xef\xbf\xbd");
}

}  // namespace
}  // namespace cc::transport
