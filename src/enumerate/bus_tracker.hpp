#pragma once
// What changed on the bus between two scans: arrivals, departures, and a device that
// came back on the same port chain in another mode (firmware -> bootloader). Pure
// bookkeeping, so the event source (udev, emulator probes) stays thin.
#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "enumerate/bus.hpp"

namespace cc::enumerate {

// "1-1.3" for a webusb:001-1.3 path; hid paths need the system (see udev_watch.cpp).
using PortChainOf = std::function<std::string(const UsbNode&)>;

// "port 2" on the root hub, "hub port 3" one hub down, "hub 1.2 port 3" deeper; the
// chain itself when it cannot be read.
std::string port_label(const std::string& port_chain);

class BusTracker {
 public:
  // A departure and an arrival on the same port chain this close together are one
  // device changing mode, when its USB id or mode differs.
  static constexpr std::chrono::seconds kModeChangeWindow{10};

  BusTracker(const catalog::Catalog& catalog, PortChainOf port_chain_of);

  // `now`: every node on the bus at `at`. Nodes the catalog does not know are ignored.
  std::vector<BusEvent> update(const std::vector<UsbNode>& now, std::chrono::steady_clock::time_point at);

 private:
  const catalog::Catalog& catalog_;
  PortChainOf port_chain_of_;
  std::map<std::string, BusEvent> present_;  // path -> its arrival
  struct Left {
    BusEvent event;
    std::chrono::steady_clock::time_point at;
  };
  std::map<std::string, Left> recently_left_;  // port chain -> last departure there
};

}  // namespace cc::enumerate
