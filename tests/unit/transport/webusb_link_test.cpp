#include "transport/webusb_link.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace cc::transport {
namespace {

TEST(WebUsbLink, MissingDeviceIsNotFound) {
  const DevicePath path = parse_device_path("webusb:254-7.7.7");
  try {
    WebUsbLink::open(path);
    FAIL();
  } catch (const Error& e) {
    // Either "no such device" or, on machines without usbfs, "no USB bus".
    EXPECT_EQ(e.code(), ErrorCode::kNotFound) << e.what();
    EXPECT_NE(std::string(e.what()).find("webusb:254-7.7.7"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos);
  }
}

TEST(UsbError, MapsLibusbCodes) {
  EXPECT_EQ(usb_error(LIBUSB_ERROR_TIMEOUT, "p", "read").code(), ErrorCode::kTimeout);
  EXPECT_EQ(usb_error(LIBUSB_ERROR_NO_DEVICE, "p", "read").code(), ErrorCode::kDisconnected);
  EXPECT_EQ(usb_error(LIBUSB_ERROR_PIPE, "p", "read").code(), ErrorCode::kDisconnected);
  EXPECT_EQ(usb_error(LIBUSB_ERROR_IO, "p", "read").code(), ErrorCode::kDisconnected);
  EXPECT_EQ(usb_error(LIBUSB_ERROR_ACCESS, "p", "open").code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(usb_error(LIBUSB_ERROR_BUSY, "p", "claim").code(), ErrorCode::kBusy);
  EXPECT_EQ(usb_error(LIBUSB_ERROR_OTHER, "p", "x").code(), ErrorCode::kIo);
  const std::string text = usb_error(LIBUSB_ERROR_TIMEOUT, "webusb:001-1", "read").what();
  EXPECT_NE(text.find("webusb:001-1: read failed: LIBUSB_ERROR_TIMEOUT"), std::string::npos) << text;
}

}  // namespace
}  // namespace cc::transport
