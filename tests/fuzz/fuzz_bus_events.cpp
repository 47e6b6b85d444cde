// What the bus watch makes of scans it is given: port chains from sysfs names, nodes
// whose ids and strings a device chose, appearing and vanishing in any order. Turning
// them into arrivals, departures and mode changes must never crash, and every event
// must name a node that was (or is) on the bus.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "enumerate/bus_tracker.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cc::fuzz::Input in(data, size);
  (void)cc::enumerate::port_label(in.text());
  cc::enumerate::BusTracker tracker(cc::catalog::Catalog::builtin(),
                                    [](const cc::enumerate::UsbNode& n) { return n.manufacturer; });
  std::set<std::string> ever;
  auto at = std::chrono::steady_clock::time_point{};
  while (in.left() > 0) {
    std::vector<cc::enumerate::UsbNode> scan(in.byte() % 5);
    for (auto& node : scan) {
      node.vendor_id = in.u16();
      node.product_id = in.u16();
      node.interface_number = static_cast<int>(in.byte()) - 1;
      node.usage_page = in.u16();
      node.webusb = (in.byte() & 1) != 0;
      node.path = in.text();
      node.manufacturer = in.text();  // stands for the port chain
      ever.insert(node.path);
    }
    at += std::chrono::seconds(in.byte() % 16);
    for (const auto& e : tracker.update(scan, at)) {
      if (ever.count(e.node.path) == 0) __builtin_trap();
      if (e.kind == cc::enumerate::BusEvent::Kind::kModeChanged && ever.count(e.previous_path) == 0) __builtin_trap();
    }
  }
  return 0;
}
