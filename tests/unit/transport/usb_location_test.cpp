#include "transport/usb_location.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace cc::transport {
namespace {

TEST(UsbLocation, ParsesBusAndPorts) {
  const UsbLocation location = parse_usb_location("003-1.4.2");
  EXPECT_EQ(location.bus, 3);
  EXPECT_EQ(location.ports, (std::vector<std::uint8_t>{1, 4, 2}));
  EXPECT_EQ(format_usb_location(location), "003-1.4.2");
}

TEST(UsbLocation, SameSocketCompares) {
  EXPECT_EQ(parse_usb_location("1-2"), parse_usb_location("001-2"));
  EXPECT_FALSE(parse_usb_location("1-2") == parse_usb_location("1-2.1"));
}

TEST(UsbLocation, ErrorsAreInvalidArgument) {
  EXPECT_THROW(parse_usb_location("1"), Error);
  try {
    parse_usb_location("1-1.2.3.4.5.6.7.1");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
  }
}

}  // namespace
}  // namespace cc::transport
