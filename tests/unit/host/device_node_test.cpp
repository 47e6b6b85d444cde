#include <gtest/gtest.h>

#include "fake_tree.hpp"
#include "host/host_checks.hpp"

namespace cc::host {
namespace {

using test::FakeTree;

void add_usb_device(const FakeTree& tree, const std::string& name, int bus, int dev, const std::string& vid,
                    const std::string& pid) {
  const std::string dir = "/sys/bus/usb/devices/" + name;
  tree.write(dir + "/busnum", std::to_string(bus) + "\n");
  tree.write(dir + "/devnum", std::to_string(dev) + "\n");
  tree.write(dir + "/idVendor", vid + "\n");
  tree.write(dir + "/idProduct", pid + "\n");
}

TEST(DeviceNodeFor, WebUsbLocationMapsThroughSysfs) {
  FakeTree tree;
  add_usb_device(tree, "1-1.4", 1, 4, "1209", "53c1");
  add_usb_device(tree, "3-2", 3, 117, "2c97", "4015");
  EXPECT_EQ(device_node_for(tree.root(), "001-1.4", true), "/dev/bus/usb/001/004");
  EXPECT_EQ(device_node_for(tree.root(), "1-1.4", true), "/dev/bus/usb/001/004");
  EXPECT_EQ(device_node_for(tree.root(), "003-2", true), "/dev/bus/usb/003/117");
}

TEST(DeviceNodeFor, WebUsbLocationNotOnTheBus) {
  FakeTree tree;
  add_usb_device(tree, "1-1.4", 1, 4, "1209", "53c1");
  EXPECT_EQ(device_node_for(tree.root(), "001-1.5", true), std::nullopt);
  EXPECT_EQ(device_node_for(tree.root(), "002-1.4", true), std::nullopt);
}

TEST(DeviceNodeFor, MalformedWebUsbLocations) {
  FakeTree tree;
  add_usb_device(tree, "1-1.4", 1, 4, "1209", "53c1");
  for (const char* bad : {"", "001", "abc-1", "001-", "001-1..4", "000-1.4", "001-x"}) {
    EXPECT_EQ(device_node_for(tree.root(), bad, true), std::nullopt) << bad;
  }
}

TEST(DeviceNodeFor, SysfsWithGarbageNumbers) {
  FakeTree tree;
  tree.write("/sys/bus/usb/devices/1-2/busnum", "one\n");
  tree.write("/sys/bus/usb/devices/1-2/devnum", "4\n");
  EXPECT_EQ(device_node_for(tree.root(), "001-2", true), std::nullopt);
}

TEST(DeviceNodeFor, HidPaths) {
  FakeTree tree;
  EXPECT_EQ(device_node_for(tree.root(), "/dev/hidraw3", false), "/dev/hidraw3");
  EXPECT_EQ(device_node_for(tree.root(), "hidraw12", false), "/dev/hidraw12");
  EXPECT_EQ(device_node_for(tree.root(), "0001:0004:00", false), "/dev/bus/usb/001/004");
  EXPECT_EQ(device_node_for(tree.root(), "0003:000a:01", false), "/dev/bus/usb/003/010");
  EXPECT_EQ(device_node_for(tree.root(), "/dev/sda", false), std::nullopt);
  EXPECT_EQ(device_node_for(tree.root(), "/dev/hidrawX", false), std::nullopt);
  EXPECT_EQ(device_node_for(tree.root(), "zz:01:00", false), std::nullopt);
}

TEST(UsbIdsForNode, HidrawFromUevent) {
  FakeTree tree;
  tree.write("/sys/class/hidraw/hidraw3/device/uevent",
             "DRIVER=hid-generic\nHID_ID=0003:0000534C:00000001\nHID_NAME=SatoshiLabs TREZOR\n");
  const auto ids = usb_ids_for_node(tree.root(), "/dev/hidraw3");
  ASSERT_TRUE(ids.has_value());
  EXPECT_EQ(ids->vendor_id, 0x534c);
  EXPECT_EQ(ids->product_id, 0x0001);
  EXPECT_EQ(usb_ids_for_node(tree.root(), "/dev/hidraw4"), std::nullopt);
}

TEST(UsbIdsForNode, UsbNodeByBusAndDeviceNumber) {
  FakeTree tree;
  add_usb_device(tree, "usb1", 1, 1, "1d6b", "0002");
  add_usb_device(tree, "1-1.4", 1, 4, "1209", "53c1");
  tree.write("/sys/bus/usb/devices/1-1.4:1.0/bInterfaceNumber", "00\n");  // no busnum
  const auto ids = usb_ids_for_node(tree.root(), "/dev/bus/usb/001/004");
  ASSERT_TRUE(ids.has_value());
  EXPECT_EQ(ids->vendor_id, 0x1209);
  EXPECT_EQ(ids->product_id, 0x53c1);
  EXPECT_EQ(usb_ids_for_node(tree.root(), "/dev/bus/usb/001/005"), std::nullopt);
  EXPECT_EQ(usb_ids_for_node(tree.root(), "/dev/sda"), std::nullopt);
}

TEST(HostRoot, MapsHostPathsUnderTheRoot) {
  const HostRoot fake("/tmp/tree");
  EXPECT_EQ(fake.at("/proc/1/fd"), std::filesystem::path("/tmp/tree/proc/1/fd"));
  EXPECT_EQ(fake.at("sys"), std::filesystem::path("/tmp/tree/sys"));
  EXPECT_FALSE(fake.is_real());
  EXPECT_EQ(HostRoot{}.at("/proc"), std::filesystem::path("/proc"));
  EXPECT_TRUE(HostRoot{}.is_real());
}

}  // namespace
}  // namespace cc::host
