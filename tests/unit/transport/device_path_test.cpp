#include "transport/device_path.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace cc::transport {
namespace {

struct ValidCase {
  const char* text;
  Scheme scheme;
  const char* target;
  std::uint16_t port;
  const char* formatted;
};

class ValidPath : public ::testing::TestWithParam<ValidCase> {};

TEST_P(ValidPath, ParsesAndFormats) {
  const auto& c = GetParam();
  const DevicePath path = parse_device_path(c.text);
  EXPECT_EQ(path.scheme, c.scheme);
  EXPECT_EQ(path.target, c.target);
  EXPECT_EQ(path.port, c.port);
  EXPECT_EQ(path.to_string(), c.formatted);
  EXPECT_EQ(parse_device_path(path.to_string()).to_string(), c.formatted);  // stable
}

INSTANTIATE_TEST_SUITE_P(
    Table, ValidPath,
    ::testing::Values(ValidCase{"hid:/dev/hidraw3", Scheme::kHid, "/dev/hidraw3", 0, "hid:/dev/hidraw3"},
                      ValidCase{"hid:1-1.4:1.0", Scheme::kHid, "1-1.4:1.0", 0, "hid:1-1.4:1.0"},
                      ValidCase{"webusb:001-1.4.2", Scheme::kWebUsb, "001-1.4.2", 0, "webusb:001-1.4.2"},
                      ValidCase{"webusb:1-1", Scheme::kWebUsb, "001-1", 0, "webusb:001-1"},
                      ValidCase{"webusb:255-1.2.3.4.5.6.7", Scheme::kWebUsb, "255-1.2.3.4.5.6.7", 0,
                                "webusb:255-1.2.3.4.5.6.7"},
                      ValidCase{"udp:127.0.0.1:21324", Scheme::kUdp, "127.0.0.1", 21324, "udp:127.0.0.1:21324"},
                      ValidCase{"udp:localhost:1", Scheme::kUdp, "localhost", 1, "udp:localhost:1"},
                      ValidCase{"udp:[::1]:21325", Scheme::kUdp, "::1", 21325, "udp:[::1]:21325"},
                      ValidCase{"tcp:127.0.0.1:9999", Scheme::kTcp, "127.0.0.1", 9999, "tcp:127.0.0.1:9999"},
                      ValidCase{"tcp:10.0.0.2:65535", Scheme::kTcp, "10.0.0.2", 65535, "tcp:10.0.0.2:65535"}));

struct InvalidCase {
  const char* text;
  const char* reason;            // must appear in the message
  const char* quoted = nullptr;  // how the message quotes `text`; nullptr: verbatim
};

class InvalidPath : public ::testing::TestWithParam<InvalidCase> {};

TEST_P(InvalidPath, ThrowsInvalidArgumentNamingCause) {
  const auto& c = GetParam();
  try {
    parse_device_path(c.text);
    FAIL() << "accepted " << c.text;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    const std::string message = e.what();
    EXPECT_NE(message.find(c.reason), std::string::npos) << message;
    const std::string quoted = std::string("'") + (c.quoted ? c.quoted : c.text) + "'";
    EXPECT_NE(message.find(quoted), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << "one line: " << message;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, InvalidPath,
    ::testing::Values(
        InvalidCase{"", "expected one of hid:, webusb:, udp:, tcp:"},
        InvalidCase{"/dev/hidraw0", "missing scheme; expected one of hid:, webusb:, udp:, tcp:"},
        InvalidCase{"usb:001-1", "unknown scheme 'usb'; expected one of hid:, webusb:, udp:, tcp:"},
        InvalidCase{"hid:", "expected a hidraw path"},
        InvalidCase{"hid:/dev/hid\nraw0", "control character", "hid:/dev/hid\\x0araw0"},
        InvalidCase{"webusb:", "expected <bus>-<port chain>"}, InvalidCase{"webusb:001", "expected <bus>-<port chain>"},
        InvalidCase{"webusb:001-", "missing port chain"}, InvalidCase{"webusb:000-1", "bus 000 is out of range 1..255"},
        InvalidCase{"webusb:256-1", "bus 256 is out of range 1..255"},
        InvalidCase{"webusb:x-1", "bus 'x' is not a number"}, InvalidCase{"webusb:001-1..2", "port '' is not a number"},
        InvalidCase{"webusb:001-1.0", "port 0 is out of range 1..255"},
        InvalidCase{"webusb:001-1.256", "port 256 is out of range"},
        InvalidCase{"webusb:001-1.2.3.4.5.6.7.8", "deeper than 7"},
        InvalidCase{"webusb:001-+1", "port '+1' is not a number"}, InvalidCase{"udp:", "expected <host>:<port>"},
        InvalidCase{"udp:127.0.0.1", "missing ':<port>'"}, InvalidCase{"udp:127.0.0.1:", "missing port"},
        InvalidCase{"udp::21324", "missing host"}, InvalidCase{"udp:127.0.0.1:0", "port 0 is out of range 1..65535"},
        InvalidCase{"udp:127.0.0.1:65536", "port 65536 is out of range"},
        InvalidCase{"udp:127.0.0.1:99999999", "port 99999999 is out of range 1..65535"},
        InvalidCase{"udp:127.0.0.1:-1", "port '-1' is not a number"},
        InvalidCase{"udp:127.0.0.1:21324x", "port '21324x' is not a number"},
        InvalidCase{"udp:example.com:21324", "must be an IPv4 address, localhost or [IPv6]"},
        InvalidCase{"udp:300.0.0.1:21324", "must be an IPv4 address"},
        InvalidCase{"udp:::1:21324", "IPv6 host must be in brackets"}, InvalidCase{"udp:[::1:21324", "missing ']'"},
        InvalidCase{"udp:[::1]21324", "expected ':<port>' after ']'"},
        InvalidCase{"udp:[nope]:1", "'nope' is not an IPv6 address"},
        InvalidCase{"tcp:localhost:0", "port 0 is out of range"}));

}  // namespace
}  // namespace cc::transport
