// BusTracker turns scans into events: arrivals, departures, a device coming back on
// the same port chain in its bootloader; watch_emulators probes endpoints on a timer.
#include "enumerate/bus_tracker.hpp"

#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>

#include "catalog/catalog.hpp"
#include "core/error.hpp"
#include "enumerate/bus.hpp"
#include "udp_peer.hpp"

namespace cc::enumerate {
namespace {

using Clock = std::chrono::steady_clock;

UsbNode webusb(const std::string& chain_path, std::uint16_t product_id) {
  UsbNode n;
  n.path = "webusb:" + chain_path;
  n.vendor_id = 0x1209;
  n.product_id = product_id;
  n.interface_number = 0;
  n.webusb = true;
  n.state = ::coldcheck::ACCESS_READY;
  return n;
}

std::string chain_from_path(const UsbNode& n) {
  // "webusb:001-1.3" -> "1-1.3"
  auto chain = n.path.substr(7);
  return chain.substr(chain.find_first_not_of('0'));
}

TEST(PortLabel, NamesThePortAsATechnicianCountsIt) {
  EXPECT_EQ(port_label("1-2"), "port 2");
  EXPECT_EQ(port_label("1-1.3"), "hub port 3");
  EXPECT_EQ(port_label("1-1.4.2"), "hub 4 port 2");
  EXPECT_EQ(port_label("odd"), "odd");
}

TEST(BusTracker, ArrivalDepartureAndABootloaderOnTheSamePortIsAModeChange) {
  BusTracker tracker(catalog::Catalog::builtin(), chain_from_path);
  const auto t = Clock::now();
  const auto firmware = webusb("001-1.3", 0x53c1);
  auto events = tracker.update({firmware}, t);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, BusEvent::Kind::kArrived);
  EXPECT_EQ(events[0].port, "hub port 3");
  EXPECT_EQ(events[0].mode, "firmware");
  EXPECT_FALSE(events[0].model.empty());
  EXPECT_TRUE(tracker.update({firmware}, t).empty()) << "nothing changed, nothing said";

  events = tracker.update({}, t + std::chrono::seconds(1));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, BusEvent::Kind::kLeft);

  const auto bootloader = webusb("001-1.3", 0x53c0);
  events = tracker.update({bootloader}, t + std::chrono::seconds(2));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, BusEvent::Kind::kModeChanged);
  EXPECT_EQ(events[0].mode, "bootloader");
  EXPECT_EQ(events[0].previous_path, firmware.path);
}

TEST(BusTracker, TheSameDeviceBackOnItsPortIsAnArrivalAndLongAfterSoIsAnotherMode) {
  BusTracker tracker(catalog::Catalog::builtin(), chain_from_path);
  const auto t = Clock::now();
  const auto firmware = webusb("001-2", 0x53c1);
  (void)tracker.update({firmware}, t);
  (void)tracker.update({}, t);
  auto events = tracker.update({firmware}, t + std::chrono::seconds(1));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, BusEvent::Kind::kArrived) << "a flap or a replug, not a mode change";
  (void)tracker.update({}, t + std::chrono::seconds(2));
  events = tracker.update({webusb("001-2", 0x53c0)}, t + BusTracker::kModeChangeWindow + std::chrono::seconds(3));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, BusEvent::Kind::kArrived) << "too long after to be the same device";
}

TEST(BusTracker, NodesTheCatalogDoesNotKnowAreIgnored) {
  BusTracker tracker(catalog::Catalog::builtin(), chain_from_path);
  auto stranger = webusb("001-5", 0x0001);
  stranger.vendor_id = 0x0bda;
  EXPECT_TRUE(tracker.update({stranger}, Clock::now()).empty());
}

TEST(EmulatorWatch, AnEndpointThatStartsAnsweringArrivesAndOneThatStopsLeaves) {
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<BusEvent> seen;
  std::atomic<bool> answering{true};
  test::UdpPeer peer([&](const test::Bytes& d) -> std::vector<test::Bytes> {
    if (!answering || d != test::Bytes{'P', 'I', 'N', 'G', 'P', 'I', 'N', 'G'}) return {};
    return {test::Bytes{'P', 'O', 'N', 'G', 'P', 'O', 'N', 'G'}};
  });
  const transport::DevicePath path{transport::Scheme::kUdp, "127.0.0.1", peer.port()};
  EmulatorProbeOptions options;
  options.interval = std::chrono::milliseconds(20);
  options.timeout = std::chrono::milliseconds(50);
  options.misses = 2;
  const auto watch = watch_emulators(
      {path},
      [&](const BusEvent& e) {
        const std::lock_guard lock(mutex);
        seen.push_back(e);
        changed.notify_all();
      },
      options);
  std::unique_lock lock(mutex);
  ASSERT_TRUE(changed.wait_for(lock, std::chrono::seconds(5), [&] { return seen.size() >= 1; }));
  EXPECT_EQ(seen[0].kind, BusEvent::Kind::kArrived);
  EXPECT_EQ(seen[0].node.path, path.to_string());
  answering = false;
  ASSERT_TRUE(changed.wait_for(lock, std::chrono::seconds(5), [&] { return seen.size() >= 2; }));
  EXPECT_EQ(seen[1].kind, BusEvent::Kind::kLeft);
  EXPECT_EQ(seen.size(), 2u) << "one departure, not one per missed probe";
}

TEST(EmulatorWatch, OnlyUdpAndTcpEndpointsCanBeWatched) {
  try {
    (void)watch_emulators({transport::parse_device_path("hid:/dev/hidraw0")}, [](const BusEvent&) {});
    ADD_FAILURE() << "expected kInvalidArgument";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
  }
}

}  // namespace
}  // namespace cc::enumerate
