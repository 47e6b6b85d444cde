// Ledger APDU parsers and status words, from bytes written out by hand.
#include "protocol/ledger/apdu.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/hex.hpp"
#include "protocol/ledger/status.hpp"

namespace cc::ledger {
namespace {

ErrorCode code_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e.code();
  }
  return ErrorCode::kInternal;
}

std::string message_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(LedgerApdu, Commands) {
  EXPECT_EQ(to_hex(get_version_command()), "e001000000");
  EXPECT_EQ(to_hex(get_app_and_version_command()), "b001000000");
  EXPECT_EQ(to_hex(command(0xE0, 0x04, 0x01, 0x02, std::vector<std::uint8_t>{0xAA})), "e004010201aa");
}

TEST(LedgerApdu, DashboardVersionByHand) {
  // target 0x33000004, "2.2.3", flags 84 00 00 00 (onboarded, PIN validated), MCU "2.30\0",
  // MCU bootloader "1.16", hw 0x00, language 0x01.
  const auto data = from_hex(
      "33000004"
      "05322e322e33"
      "0484000000"
      "05322e333000"
      "04312e3136"
      "0100"
      "0101");
  const auto v = parse_version(data);
  EXPECT_EQ(v.target_id, 0x33000004u);
  EXPECT_FALSE(v.bootloader);
  EXPECT_EQ(v.se_version, "2.2.3");
  EXPECT_EQ(v.flags, 0x84u);
  EXPECT_EQ(v.mcu_version, "2.30");
  EXPECT_EQ(v.mcu_bootloader_version, "1.16");
  EXPECT_EQ(v.hw_version, 0u);
  EXPECT_EQ(v.language, 1u);
}

TEST(LedgerApdu, MinimalDashboardVersion) {
  const auto v =
      parse_version(from_hex("31100004"
                             "05312e352e35"
                             "0410000000"));
  EXPECT_EQ(v.se_version, "1.5.5");
  EXPECT_EQ(v.flags & kFlagTrustCustomCa, kFlagTrustCustomCa);
  EXPECT_TRUE(v.mcu_version.empty());
}

TEST(LedgerApdu, BootloaderVersionByHand) {
  // MCU target 0x01000001, bootloader "2.30", no flags, SE part "2.2.3", SE target id.
  const auto v =
      parse_version(from_hex("01000001"
                             "04322e3330"
                             "00"
                             "05322e322e33"
                             "0433000004"));
  EXPECT_TRUE(v.bootloader);
  EXPECT_EQ(v.mcu_bootloader_version, "2.30");
  EXPECT_EQ(v.se_version, "2.2.3");
  ASSERT_TRUE(v.se_target_id.has_value());
  EXPECT_EQ(*v.se_target_id, 0x33000004u);
}

TEST(LedgerApdu, BootloaderRule) {
  EXPECT_FALSE(is_bootloader_target(0x31100004));
  EXPECT_FALSE(is_bootloader_target(0x33300004));
  EXPECT_TRUE(is_bootloader_target(0x01000001));
  EXPECT_TRUE(is_bootloader_target(0x20000000));
}

TEST(LedgerApdu, VersionRoundTrip) {
  VersionInfo in;
  in.target_id = 0x33100004;
  in.se_version = "1.1.1";
  in.flags = 0x94;
  in.mcu_version = "4.03";
  const auto out = parse_version(encode_version(in));
  EXPECT_EQ(out.se_version, in.se_version);
  EXPECT_EQ(out.flags, in.flags);
  EXPECT_EQ(out.mcu_version, in.mcu_version);
}

TEST(LedgerApdu, TruncatedAndGarbageVersionFailClearly) {
  EXPECT_EQ(code_of([] { parse_version({}); }), ErrorCode::kMalformed);
  EXPECT_NE(message_of([] { parse_version(from_hex("3300")); }).find("target id"), std::string::npos);
  EXPECT_NE(message_of([] {
              parse_version(
                  from_hex("33000004"
                           "09322e32"));
            }).find("version declares 9 bytes, only 3 left"),
            std::string::npos);
  EXPECT_NE(message_of([] {
              parse_version(
                  from_hex("33000004"
                           "00"));
            }).find("truncated before flags"),
            std::string::npos);
  EXPECT_NE(message_of([] {
              parse_version(
                  from_hex("33000004"
                           "00"
                           "050102030405"));
            }).find("at most 4"),
            std::string::npos);
  EXPECT_NE(message_of([] {
              parse_version(
                  from_hex("33000004"
                           "02ff01"
                           "00"));
            }).find("not printable"),
            std::string::npos);
}

TEST(LedgerApdu, AppAndVersionByHand) {
  const auto a =
      parse_app_and_version(from_hex("01"
                                     "07426974636f696e"
                                     "05322e312e33"
                                     "0102"));
  EXPECT_EQ(a.name, "Bitcoin");
  EXPECT_EQ(a.version, "2.1.3");
  EXPECT_EQ(a.flags, 2u);
  const auto dash =
      parse_app_and_version(from_hex("01"
                                     "05424f4c4f53"
                                     "05312e352e35"));
  EXPECT_EQ(dash.name, kDashboardName);
}

TEST(LedgerApdu, AppAndVersionRejectsGarbage) {
  EXPECT_NE(message_of([] { parse_app_and_version(from_hex("02")); }).find("format byte 2"), std::string::npos);
  EXPECT_EQ(code_of([] {
              parse_app_and_version(
                  from_hex("01"
                           "07426974"));
            }),
            ErrorCode::kMalformed);
  EXPECT_EQ(code_of([] {
              parse_app_and_version(
                  from_hex("01"
                           "00"
                           "00"));
            }),
            ErrorCode::kMalformed);
  EXPECT_EQ(code_of([] { parse_app_and_version({}); }), ErrorCode::kMalformed);
}

TEST(LedgerApdu, SplitReply) {
  const auto r = split_reply(from_hex("aabb9000"));
  EXPECT_EQ(to_hex(r.data), "aabb");
  EXPECT_EQ(r.sw, 0x9000);
  EXPECT_EQ(code_of([] { split_reply(from_hex("90")); }), ErrorCode::kMalformed);
}

struct StatusCase {
  std::uint16_t sw;
  ErrorCode code;
  const char* text;
};

class LedgerStatus : public ::testing::TestWithParam<StatusCase> {};

TEST_P(LedgerStatus, MapsToErrorCodeAndMessage) {
  const auto [sw, code, text] = GetParam();
  try {
    check_status(sw, "GET VERSION");
    FAIL() << "no error for " << sw_hex(sw);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), code);
    EXPECT_NE(std::string(e.what()).find(text), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).rfind("GET VERSION: ", 0), 0u) << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Words, LedgerStatus,
    ::testing::Values(StatusCase{0x6E00, ErrorCode::kUnsupported, "open the dashboard or the expected app (0x6e00)"},
                      StatusCase{0x6D00, ErrorCode::kUnsupported, "(0x6d00)"},
                      StatusCase{0x5515, ErrorCode::kDeviceRefused, "device locked"},
                      StatusCase{0x6982, ErrorCode::kCancelled, "(0x6982)"},
                      StatusCase{0x6985, ErrorCode::kCancelled, "refused on the device"},
                      StatusCase{0x6A80, ErrorCode::kDeviceRefused, "unknown status word (0x6a80)"}));

TEST(LedgerStatus, OkPasses) {
  EXPECT_NO_THROW(check_status(0x9000, "x"));
  EXPECT_TRUE(is_locked(0x5515));
  EXPECT_TRUE(is_wrong_app(0x6E00));
  EXPECT_FALSE(is_wrong_app(0x9000));
}

}  // namespace
}  // namespace cc::ledger
