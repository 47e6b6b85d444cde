// Session behaviour at the Link boundary: exact byte sequences a simulator cannot
// easily produce on demand (floods, specific Failure codes).
#include "drivers/trezor_session.hpp"

#include <gtest/gtest.h>

#include <deque>
#include <limits>

#include "coldcheck/trezor.pb.h"
#include "core/error.hpp"
#include "scripted_link.hpp"

namespace cc::drivers {
namespace {

namespace tw = ::coldcheck::wire::trezor;
using test::ScriptedLink;

std::uint16_t type_of(const std::vector<std::uint8_t>& first_packet) {
  return static_cast<std::uint16_t>((first_packet[3] << 8) | first_packet[4]);
}

TEST(TrezorSession, ButtonRequestIsAcknowledgedAndReported) {
  ScriptedLink link;
  tw::ButtonRequest br;
  br.set_code(8);
  br.set_name("confirm_ping");
  link.queue(br);
  tw::Success ok;
  ok.set_message("hello");
  link.queue(ok);
  TrezorSession session(link, trezor::Table::kTrezor);
  std::vector<ButtonPrompt> prompts;
  session.on_button([&](const ButtonPrompt& p) { prompts.push_back(p); });
  tw::Ping ping;
  ping.set_message("hello");
  EXPECT_EQ(session.call_expect<tw::Success>(ping).message(), "hello");
  ASSERT_EQ(prompts.size(), 1u);
  EXPECT_EQ(prompts[0].code, 8u);
  EXPECT_EQ(prompts[0].name, "confirm_ping");
  ASSERT_EQ(link.written.size(), 2u);
  EXPECT_EQ(type_of(link.written[0]), 1);   // Ping
  EXPECT_EQ(type_of(link.written[1]), 27);  // ButtonAck
}

struct FailureCase {
  tw::FailureType type;
  ErrorCode code;
};

class FailureMapping : public ::testing::TestWithParam<FailureCase> {};

TEST_P(FailureMapping, FailureBecomesOurError) {
  ScriptedLink link;
  tw::Failure failure;
  failure.set_code(GetParam().type);
  failure.set_message("nope");
  link.queue(failure);
  TrezorSession session(link, trezor::Table::kTrezor);
  try {
    session.call(tw::GetFeatures());
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), GetParam().code);
    EXPECT_NE(std::string(e.what()).find("nope"), std::string::npos) << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(All, FailureMapping,
                         ::testing::Values(FailureCase{tw::FAILURE_ACTION_CANCELLED, ErrorCode::kCancelled},
                                           FailureCase{tw::FAILURE_PIN_CANCELLED, ErrorCode::kCancelled},
                                           FailureCase{tw::FAILURE_BUSY, ErrorCode::kBusy},
                                           FailureCase{tw::FAILURE_UNEXPECTED_MESSAGE, ErrorCode::kUnsupported},
                                           FailureCase{tw::FAILURE_PIN_INVALID, ErrorCode::kDeviceRefused},
                                           FailureCase{tw::FAILURE_FIRMWARE_ERROR, ErrorCode::kDeviceRefused}));

TEST(TrezorSession, UnknownFailureCodeIsStillRefused) {
  EXPECT_THROW(
      {
        try {
          throw_failure(4242, "");
        } catch (const Error& e) {
          EXPECT_EQ(e.code(), ErrorCode::kDeviceRefused);
          EXPECT_NE(std::string(e.what()).find("4242"), std::string::npos);
          throw;
        }
      },
      Error);
}

TEST(TrezorSession, GarbageFloodIsMalformedNotAHang) {
  ScriptedLink link;
  for (int i = 0; i < 1000; ++i) link.replies.emplace_back(64, static_cast<std::uint8_t>(0xA5));
  SessionOptions options;
  options.max_skipped_reports = 16;
  TrezorSession session(link, trezor::Table::kTrezor, options);
  try {
    session.call(tw::GetFeatures());
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kMalformed);
  }
  EXPECT_GT(link.replies.size(), 900u) << "kept reading long after the cap";
}

TEST(TrezorSession, GarbageBeforeAValidReplyIsSkipped) {
  ScriptedLink link;
  for (int i = 0; i < 3; ++i) link.replies.emplace_back(64, static_cast<std::uint8_t>(0x00));
  tw::Success ok;
  ok.set_message("x");
  link.queue(ok);
  TrezorSession session(link, trezor::Table::kTrezor);
  EXPECT_EQ(session.call_expect<tw::Success>(tw::Ping()).message(), "x");
}

TEST(TrezorSession, WrongReplyTypeIsMalformed) {
  ScriptedLink link;
  link.queue(tw::Success());
  TrezorSession session(link, trezor::Table::kTrezor);
  try {
    session.call_expect<tw::Features>(tw::GetFeatures());
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kMalformed);
    EXPECT_NE(std::string(e.what()).find("Success"), std::string::npos);
  }
}

TEST(TrezorSession, SilenceIsTimeout) {
  ScriptedLink link;
  TrezorSession session(link, trezor::Table::kTrezor);
  try {
    session.call(tw::GetFeatures());
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kTimeout);
  }
}

}  // namespace
}  // namespace cc::drivers

namespace cc::drivers {
namespace {

// Such a device once kept `diagnose` running for ever.
TEST(TrezorSession, ADeviceThatOnlyAsksForButtonsIsStopped) {
  ScriptedLink link;
  tw::ButtonRequest br;
  br.set_code(1);
  link.on_write = [&](ScriptedLink& l) { l.queue(br); };
  TrezorSession session(link, trezor::Table::kTrezor);
  std::size_t prompts = 0;
  session.on_button([&](const ButtonPrompt&) { ++prompts; });
  try {
    session.call(tw::GetFeatures());
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kMalformed);
    EXPECT_NE(std::string(e.what()).find("button press"), std::string::npos) << e.what();
  }
  EXPECT_EQ(prompts, session.options().max_button_requests);
}

TEST(TrezorSession, OneCallEndsAtItsDeadlineWhateverTheDeviceSends) {
  ScriptedLink link;
  tw::ButtonRequest br;
  link.on_write = [&](ScriptedLink& l) { l.queue(br); };
  SessionOptions options;
  options.max_button_requests = std::numeric_limits<std::size_t>::max();
  options.call_deadline = std::chrono::milliseconds(50);
  TrezorSession session(link, trezor::Table::kTrezor, options);
  try {
    session.call(tw::GetFeatures());
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kTimeout);
    EXPECT_NE(std::string(e.what()).find("did not finish"), std::string::npos) << e.what();
  }
}

TEST(TrezorSession, GarbageThenSilenceIsMalformed) {
  ScriptedLink link;
  link.replies.emplace_back(64, static_cast<std::uint8_t>(0x21));
  TrezorSession session(link, trezor::Table::kTrezor);
  try {
    session.call(tw::GetFeatures());
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kMalformed);
    EXPECT_NE(std::string(e.what()).find("not the Trezor protocol"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace cc::drivers
