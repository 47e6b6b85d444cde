#include <gtest/gtest.h>

#include <chrono>

#include "enumerate/enumerate.hpp"
#include "test_catalog.hpp"
#include "udp_peer.hpp"

namespace cc::enumerate {
namespace {

using namespace std::chrono_literals;
using test::Bytes;
using test::UdpPeer;

const ListOptions kQuickProbe{transport::UdpOptions{2, 100ms}};

TEST(ScanUsb, MachineWithoutUsbGivesEmptyListWithoutThrowing) {
  if (std::getenv("CC_HAVE_USB_WALLET") != nullptr) {
    GTEST_SKIP() << "CC_HAVE_USB_WALLET is set: a wallet may be plugged in";
  }
  std::vector<UsbNode> nodes;
  EXPECT_NO_THROW(nodes = scan_usb(catalog::Catalog::builtin()));
  EXPECT_TRUE(nodes.empty());
}

TEST(ListDevices, AnsweringAndSilentEmulators) {
  UdpPeer answering(UdpPeer::emulator);
  UdpPeer silent([](const Bytes&) { return std::vector<Bytes>{}; });
  const auto catalog = test::test_catalog();
  const std::vector<transport::DevicePath> emulators{
      transport::parse_device_path(silent.path()),
      transport::parse_device_path(answering.path()),
  };
  const auto list = list_devices(catalog, emulators, kQuickProbe);
  ASSERT_EQ(list.devices_size(), 2);

  // Emulators keep the order they were configured in.
  const auto& quiet = list.devices(0);
  EXPECT_EQ(quiet.path(), silent.path());
  EXPECT_EQ(quiet.transport(), "udp");
  EXPECT_EQ(quiet.state(), ::coldcheck::ACCESS_UNREACHABLE);
  EXPECT_NE(quiet.detail().find("PINGPING"), std::string::npos) << quiet.detail();
  EXPECT_NE(quiet.detail().find(silent.path()), std::string::npos) << quiet.detail();

  const auto& live = list.devices(1);
  EXPECT_EQ(live.path(), answering.path());
  EXPECT_EQ(live.transport(), "udp");
  EXPECT_EQ(live.state(), ::coldcheck::ACCESS_READY);
  EXPECT_EQ(live.detail(), "");
}

TEST(ListDevices, RefusedAndTcpEndpointsAreListedNotDropped) {
  const auto catalog = test::test_catalog();
  const std::vector<transport::DevicePath> emulators{
      transport::DevicePath{transport::Scheme::kUdp, "127.0.0.1", test::unused_udp_port()},
      transport::parse_device_path("tcp:127.0.0.1:9999"),
  };
  const auto list = list_devices(catalog, emulators, kQuickProbe);
  ASSERT_EQ(list.devices_size(), 2);
  EXPECT_EQ(list.devices(0).state(), ::coldcheck::ACCESS_UNREACHABLE);
  EXPECT_FALSE(list.devices(0).detail().empty());
  EXPECT_EQ(list.devices(1).transport(), "tcp");
  // Speculos endpoints are probed with a TCP connect now; nothing listens on 9999 here.
  EXPECT_EQ(list.devices(1).state(), ::coldcheck::ACCESS_UNREACHABLE);
  EXPECT_FALSE(list.devices(1).detail().empty());
}

TEST(ListDevices, DefaultProbeAndNoEmulators) {
  UdpPeer answering(UdpPeer::emulator);
  const auto catalog = test::test_catalog();
  EXPECT_EQ(list_devices(catalog, {}).devices_size(), 0);
  const auto list = list_devices(catalog, {transport::parse_device_path(answering.path())});
  ASSERT_EQ(list.devices_size(), 1);
  EXPECT_EQ(list.devices(0).state(), ::coldcheck::ACCESS_READY);
}

TEST(ListDevices, RepeatedListingIsIdentical) {
  UdpPeer answering(UdpPeer::emulator);
  const auto catalog = test::test_catalog();
  const std::vector<transport::DevicePath> emulators{transport::parse_device_path(answering.path())};
  const auto first = list_devices(catalog, emulators, kQuickProbe);
  const auto second = list_devices(catalog, emulators, kQuickProbe);
  EXPECT_EQ(first.SerializeAsString(), second.SerializeAsString());
}

}  // namespace
}  // namespace cc::enumerate
