#include "transport/udp_link.hpp"

#include <gtest/gtest.h>

#include <array>
#include <chrono>

#include "core/error.hpp"
#include "udp_peer.hpp"

namespace cc::transport {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using test::Bytes;
using test::bytes_of;
using test::UdpPeer;

// Generous: only catches hangs, never measures speed.
constexpr auto kUpperBound = 5s;

Bytes report(std::uint8_t fill) { return Bytes(kReportSize, fill); }

ErrorCode code_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos);
    return e.code();
  }
  ADD_FAILURE() << "no error thrown";
  return ErrorCode::kInternal;
}

TEST(UdpLink, HandshakeSendsPingping) {
  UdpPeer peer(UdpPeer::emulator);
  auto link = UdpLink::open(parse_device_path(peer.path()));
  EXPECT_EQ(link->path(), peer.path());
  ASSERT_FALSE(peer.received().empty());
  EXPECT_EQ(peer.received().front(), bytes_of("PINGPING"));
}

TEST(UdpLink, RoundTripsReports) {
  UdpPeer peer(UdpPeer::emulator);
  auto link = UdpLink::open(parse_device_path(peer.path()));
  for (int fill : {0x3f, 0x00, 0xff}) {
    const Bytes sent = report(static_cast<std::uint8_t>(fill));
    link->write(sent);
    std::array<std::uint8_t, kReportSize> got{};
    ASSERT_EQ(link->read(got, 2000ms), kReportSize);
    EXPECT_EQ(Bytes(got.begin(), got.end()), sent);
  }
}

TEST(UdpLink, LocalhostResolvesToLoopback) {
  UdpPeer peer(UdpPeer::emulator);
  DevicePath path{Scheme::kUdp, "localhost", peer.port()};
  EXPECT_NO_THROW(UdpLink::open(path));
}

TEST(UdpLink, ReadTimeoutIsHonoured) {
  // Answers the probe, then stays silent.
  UdpPeer peer([](const Bytes& in) -> std::vector<Bytes> {
    if (in == bytes_of("PINGPING")) return {bytes_of("PONGPONG")};
    return {};
  });
  auto link = UdpLink::open(parse_device_path(peer.path()));
  link->write(report(1));
  std::array<std::uint8_t, kReportSize> got{};
  const auto start = Clock::now();
  EXPECT_EQ(code_of([&] { link->read(got, 150ms); }), ErrorCode::kTimeout);
  const auto elapsed = Clock::now() - start;
  EXPECT_GE(elapsed, 150ms);
  EXPECT_LT(elapsed, kUpperBound);
}

TEST(UdpLink, ZeroTimeoutDoesNotBlock) {
  UdpPeer peer([](const Bytes& in) -> std::vector<Bytes> {
    if (in == bytes_of("PINGPING")) return {bytes_of("PONGPONG")};
    return {};
  });
  auto link = UdpLink::open(parse_device_path(peer.path()));
  std::array<std::uint8_t, kReportSize> got{};
  const auto start = Clock::now();
  EXPECT_EQ(code_of([&] { link->read(got, 0ms); }), ErrorCode::kTimeout);
  EXPECT_LT(Clock::now() - start, kUpperBound);
}

TEST(UdpLink, NothingListeningIsReportedWithinBound) {
  const DevicePath path{Scheme::kUdp, "127.0.0.1", test::unused_udp_port()};
  const auto start = Clock::now();
  const ErrorCode code = code_of([&] { UdpLink::open(path, UdpOptions{3, 100ms}); });
  EXPECT_TRUE(code == ErrorCode::kDisconnected || code == ErrorCode::kTimeout) << to_string(code);
  EXPECT_LT(Clock::now() - start, kUpperBound);
}

TEST(UdpLink, NothingListeningMessageNamesPath) {
  const DevicePath path{Scheme::kUdp, "127.0.0.1", test::unused_udp_port()};
  try {
    UdpLink::open(path, UdpOptions{3, 100ms});
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(path.to_string()), std::string::npos) << e.what();
  }
}

TEST(UdpLink, SilentPeerTimesOutAfterAllTries) {
  UdpPeer peer([](const Bytes&) { return std::vector<Bytes>{}; });
  const auto start = Clock::now();
  try {
    UdpLink::open(parse_device_path(peer.path()), UdpOptions{3, 50ms});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kTimeout);
    EXPECT_NE(std::string(e.what()).find("PINGPING"), std::string::npos) << e.what();
  }
  EXPECT_LT(Clock::now() - start, kUpperBound);
  EXPECT_EQ(peer.received().size(), 3u);
}

TEST(UdpLink, GarbageAnswerToPingIsMalformed) {
  UdpPeer peer([](const Bytes&) { return std::vector<Bytes>{bytes_of("HELLO?!!")}; });
  try {
    UdpLink::open(parse_device_path(peer.path()));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kMalformed);
    EXPECT_NE(std::string(e.what()).find("not a Trezor emulator"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(peer.path()), std::string::npos) << e.what();
  }
}

TEST(UdpLink, StrayPongpongIsIgnored) {
  UdpPeer peer([](const Bytes& in) -> std::vector<Bytes> {
    if (in == bytes_of("PINGPING")) return {bytes_of("PONGPONG")};
    return {bytes_of("PONGPONG"), bytes_of("PONGPONG"), in};
  });
  auto link = UdpLink::open(parse_device_path(peer.path()));
  const Bytes sent = report(0x42);
  link->write(sent);
  std::array<std::uint8_t, kReportSize> got{};
  ASSERT_EQ(link->read(got, 2000ms), kReportSize);
  EXPECT_EQ(Bytes(got.begin(), got.end()), sent);
}

TEST(UdpLink, WrongSizeDatagramsAreReturnedAsTheyAre) {
  UdpPeer peer([](const Bytes& in) -> std::vector<Bytes> {
    if (in == bytes_of("PINGPING")) return {bytes_of("PONGPONG")};
    return {Bytes(10, 0x3f), Bytes(100, 0x23), Bytes()};
  });
  auto link = UdpLink::open(parse_device_path(peer.path()));
  link->write(report(0));
  std::array<std::uint8_t, kReportSize> got{};
  EXPECT_EQ(link->read(got, 2000ms), 10u);
  EXPECT_EQ(link->read(got, 2000ms), kReportSize);  // longer datagram cut to the buffer
  EXPECT_EQ(got[63], 0x23);
  EXPECT_EQ(link->read(got, 2000ms), 0u);
}

TEST(UdpLink, WriteRejectsWrongSize) {
  UdpPeer peer(UdpPeer::emulator);
  auto link = UdpLink::open(parse_device_path(peer.path()));
  EXPECT_EQ(code_of([&] { link->write(Bytes(63, 0)); }), ErrorCode::kInvalidArgument);
}

TEST(UdpLink, OpenRejectsOtherSchemes) {
  EXPECT_EQ(code_of([] { UdpLink::open(parse_device_path("hid:/dev/hidraw0")); }), ErrorCode::kInvalidArgument);
}

TEST(ProbeUdp, TellsAnsweringFromSilent) {
  UdpPeer answering(UdpPeer::emulator);
  UdpPeer silent([](const Bytes&) { return std::vector<Bytes>{}; });
  EXPECT_TRUE(probe_udp(parse_device_path(answering.path()), 500ms));
  EXPECT_FALSE(probe_udp(parse_device_path(silent.path()), 50ms));
  EXPECT_FALSE(probe_udp(DevicePath{Scheme::kUdp, "127.0.0.1", test::unused_udp_port()}, 50ms));
}

}  // namespace
}  // namespace cc::transport
