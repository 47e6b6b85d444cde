#include "transport/open.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "udp_peer.hpp"

namespace cc::transport {
namespace {

ErrorCode open_code(const char* text) {
  try {
    open_link(parse_device_path(text));
  } catch (const Error& e) {
    return e.code();
  }
  return ErrorCode::kInternal;
}

TEST(OpenLink, DispatchesByScheme) {
  test::UdpPeer peer(test::UdpPeer::emulator);
  auto link = open_link(parse_device_path(peer.path()));
  ASSERT_NE(link, nullptr);
  EXPECT_EQ(link->path(), peer.path());
  EXPECT_EQ(open_code("hid:/dev/hidraw-coldcheck-none"), ErrorCode::kNotFound);
  EXPECT_EQ(open_code("webusb:254-7.7"), ErrorCode::kNotFound);
}

// Speculos speaks whole APDUs (SpeculosClient), so it never becomes a report Link.
TEST(OpenLink, TcpIsAnApduEndpointNotALink) {
  try {
    open_link(parse_device_path("tcp:127.0.0.1:9999"));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(std::string(e.what()).find("tcp:127.0.0.1:9999: tcp: is a Speculos APDU endpoint"), std::string::npos);
  }
}

}  // namespace
}  // namespace cc::transport
