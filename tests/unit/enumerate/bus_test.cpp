// The Bus: holds are counted and released, held nodes come back as remembered and are
// not probed, and watch() says plainly that hotplug is not there yet.
#include <gtest/gtest.h>

#include <thread>

#include "core/error.hpp"
#include "enumerate/bus.hpp"

namespace cc::enumerate {
namespace {

class FakeBus final : public Bus {
 public:
  std::vector<UsbNode> plugged;
  std::set<std::string> last_held;

 protected:
  std::vector<UsbNode> scan_nodes(const std::set<std::string>& held) override {
    last_held = held;
    return plugged;
  }
};

UsbNode node(const std::string& path, const std::string& product) {
  UsbNode n;
  n.path = path;
  n.product = product;
  n.state = ::coldcheck::ACCESS_BUSY;
  return n;
}

TEST(Bus, HeldNodesAreNotProbedAndComeBackAsRemembered) {
  FakeBus bus;
  bus.plugged = {node("hid:/dev/a", ""), node("hid:/dev/b", "B")};
  {
    const auto hold = bus.hold(node("hid:/dev/a", "remembered A"));
    const auto nodes = bus.scan();
    EXPECT_EQ(bus.last_held, std::set<std::string>{"hid:/dev/a"});
    ASSERT_EQ(nodes.size(), 2u);
    EXPECT_EQ(nodes[0].product, "remembered A");
    EXPECT_EQ(nodes[0].state, ::coldcheck::ACCESS_READY);
    EXPECT_EQ(nodes[1].state, ::coldcheck::ACCESS_BUSY);  // not ours: as scanned
  }
  EXPECT_EQ(bus.held_count(), 0u);
  EXPECT_EQ(bus.scan()[0].product, "");
  EXPECT_TRUE(bus.last_held.empty());
}

TEST(Bus, UnpluggedHeldNodeIsNotInvented) {
  FakeBus bus;
  const auto hold = bus.hold(node("hid:/dev/gone", "G"));
  EXPECT_TRUE(bus.scan().empty());
}

TEST(Bus, HoldsCountAndMove) {
  FakeBus bus;
  auto first = bus.hold(node("hid:/dev/a", ""));
  {
    auto second = bus.hold(node("hid:/dev/a", ""));
    Bus::Hold moved = std::move(second);
    EXPECT_EQ(bus.held_count(), 1u);
  }
  EXPECT_EQ(bus.held_count(), 1u) << "the first hold still stands";
  first = Bus::Hold();
  EXPECT_EQ(bus.held_count(), 0u);
}

TEST(Bus, ConcurrentHoldsAndScansAreSerialized) {
  FakeBus bus;
  bus.plugged = {node("hid:/dev/a", "")};
  std::thread holder([&] {
    for (int i = 0; i < 200; ++i) auto h = bus.hold(node("hid:/dev/a", "A"));
  });
  for (int i = 0; i < 200; ++i) {
    const auto nodes = bus.scan();
    ASSERT_EQ(nodes.size(), 1u);
    // Either held (remembered, ready) or not (as scanned): never a mix.
    EXPECT_TRUE((nodes[0].product == "A" && nodes[0].state == ::coldcheck::ACCESS_READY) ||
                (nodes[0].product.empty() && nodes[0].state == ::coldcheck::ACCESS_BUSY));
  }
  holder.join();
  EXPECT_EQ(bus.held_count(), 0u);
}

TEST(Bus, WatchIsNotThereYet) {
  FakeBus bus;
  try {
    (void)bus.watch([](const BusEvent&) {});
    ADD_FAILURE() << "expected kUnsupported";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUnsupported);
  }
}

TEST(Bus, RealUsbBusScansWithoutABackend) {
  UsbBus bus(catalog::Catalog::builtin());
  EXPECT_NO_THROW((void)bus.scan());  // a container without USB lists nothing
}

}  // namespace
}  // namespace cc::enumerate
