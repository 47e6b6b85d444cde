#include <gtest/gtest.h>

#include "enumerate/enumerate.hpp"
#include "test_catalog.hpp"

namespace cc::enumerate {
namespace {

UsbNode hid_node(std::uint16_t vid, std::uint16_t pid, std::uint16_t usage_page) {
  UsbNode node;
  node.path = "hid:/dev/hidraw4";
  node.vendor_id = vid;
  node.product_id = pid;
  node.interface_number = 0;
  node.usage_page = usage_page;
  node.state = ::coldcheck::ACCESS_NO_PERMISSION;
  node.detail = "open failed: permission denied (/dev/hidraw4 mode 0600 root:root)";
  return node;
}

UsbNode webusb_node(std::uint16_t vid, std::uint16_t pid) {
  UsbNode node;
  node.path = "webusb:001-1.4";
  node.vendor_id = vid;
  node.product_id = pid;
  node.interface_number = 0;
  node.webusb = true;
  node.state = ::coldcheck::ACCESS_READY;
  return node;
}

TEST(DescribeUsbNode, SingleMatchNamesTheModel) {
  const auto catalog = test::test_catalog();
  const auto device = describe_usb_node(catalog, hid_node(0xaaaa, 0x0001, 0xff00));
  ASSERT_TRUE(device.has_value());
  EXPECT_EQ(device->path(), "hid:/dev/hidraw4");
  EXPECT_EQ(device->catalog_id(), "alpha-one");
  EXPECT_EQ(device->model_name(), "Alpha One");
  EXPECT_EQ(device->maker(), "Alpha");
  EXPECT_EQ(device->transport(), "hid");
  EXPECT_EQ(device->vendor_id(), 0xaaaau);
  EXPECT_EQ(device->product_id(), 0x0001u);
  EXPECT_EQ(device->mode(), ::coldcheck::DEVICE_MODE_UNKNOWN);  // MODE_EITHER
  EXPECT_FALSE(device->shared_usb_id());
  EXPECT_EQ(device->state(), ::coldcheck::ACCESS_NO_PERMISSION);
  EXPECT_NE(device->detail().find("mode 0600"), std::string::npos);
}

TEST(DescribeUsbNode, OtherHidInterfaceOfAKnownDeviceIsLeftOut) {
  const auto catalog = test::test_catalog();
  EXPECT_FALSE(describe_usb_node(catalog, hid_node(0xaaaa, 0x0001, 0xf1d0)).has_value());
  EXPECT_FALSE(describe_usb_node(catalog, hid_node(0xcccc, 0x0001, 0xff00)).has_value());
}

TEST(DescribeUsbNode, SharedIdListsEveryCandidate) {
  const auto catalog = test::test_catalog();
  const auto device = describe_usb_node(catalog, webusb_node(0xaaaa, 0x0002));
  ASSERT_TRUE(device.has_value());
  EXPECT_EQ(device->catalog_id(), "");
  EXPECT_EQ(device->model_name(), "Alpha One / Beta Two");
  EXPECT_EQ(device->maker(), "Alpha / Beta");
  EXPECT_TRUE(device->shared_usb_id());
  EXPECT_EQ(device->mode(), ::coldcheck::DEVICE_MODE_UNKNOWN);  // candidates disagree
  EXPECT_EQ(device->transport(), "webusb");
  EXPECT_EQ(device->state(), ::coldcheck::ACCESS_READY);
}

TEST(DescribeUsbNode, SerialBridgeIsListedAsSerial) {
  const auto catalog = test::test_catalog();
  const auto device = describe_usb_node(catalog, webusb_node(0xbbbb, 0x0003));
  ASSERT_TRUE(device.has_value());
  EXPECT_EQ(device->catalog_id(), "beta-two");
  EXPECT_EQ(device->transport(), "serial");
  EXPECT_EQ(device->mode(), ::coldcheck::DEVICE_MODE_FIRMWARE);
  EXPECT_FALSE(device->shared_usb_id());
}

}  // namespace
}  // namespace cc::enumerate

namespace cc::enumerate {
namespace {

// The identify-only families through the builtin catalog, as `list` shows them.
TEST(DescribeUsbNodeBuiltin, IdentifyOnlyFamilies) {
  const auto& catalog = catalog::Catalog::builtin();
  struct Case {
    std::uint16_t vid, pid;
    int interface;
    std::uint16_t usage_page;
    const char* product;
    const char* id;
    ::coldcheck::DeviceMode mode;
    bool shared;
  } cases[] = {
      {0x03eb, 0x2403, 0, 0xffff, "BitBox02BTC", "bitbox02", ::coldcheck::DEVICE_MODE_FIRMWARE, false},
      {0x03eb, 0x2403, 0, 0xffff, "bb02-bootloader", "bitbox02", ::coldcheck::DEVICE_MODE_BOOTLOADER, false},
      {0xd13e, 0xcc10, 0, 0xff00, "Coldcard", "coldcard", ::coldcheck::DEVICE_MODE_FIRMWARE, false},
      {0x2b24, 0x0002, 0, 0, "KeepKey", "keepkey", ::coldcheck::DEVICE_MODE_UNKNOWN, false},
  };
  for (const auto& c : cases) {
    UsbNode node;
    node.path = "hid:/dev/hidraw9";
    node.vendor_id = c.vid;
    node.product_id = c.pid;
    node.interface_number = c.interface;
    node.usage_page = c.usage_page;
    node.product = c.product;
    node.webusb = c.vid == 0x2b24;
    node.state = ::coldcheck::ACCESS_READY;
    const auto device = describe_usb_node(catalog, node);
    ASSERT_TRUE(device.has_value()) << c.product;
    EXPECT_EQ(device->catalog_id(), c.id) << c.product;
    EXPECT_EQ(device->mode(), c.mode) << c.product;
    EXPECT_EQ(device->shared_usb_id(), c.shared) << c.product;
  }
}

}  // namespace
}  // namespace cc::enumerate
