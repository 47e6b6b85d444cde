#pragma once
// The USB bus as the app sees it: scan() what is plugged in now; watch() for arrivals,
// removals and mode changes. Devices the app holds
// open are registered with hold(), so a scan never probes them (an access probe would
// race the app's own I/O on them) and never overlaps a registration.
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "enumerate/enumerate.hpp"
#include "transport/device_path.hpp"

namespace cc::enumerate {

struct BusEvent {
  // kModeChanged: a device arrived on the port chain a device of the same vendor just
  // left, in another mode (firmware -> bootloader); it follows that device's kLeft.
  enum class Kind { kArrived, kLeft, kModeChanged };
  Kind kind = Kind::kArrived;
  UsbNode node;
  std::string port_chain;     // "1-1.3" (bus-ports); empty for emulators
  std::string port;           // "hub port 3", "port 2", or the endpoint
  std::string model;          // the catalog's name for it; empty when unknown
  std::string mode;           // "firmware", "bootloader"; empty when unknown
  std::string previous_path;  // kModeChanged: the path it had before
};

// Ends the watch when destroyed.
class Watch {
 public:
  virtual ~Watch() = default;
};

class Bus {
 public:
  virtual ~Bus() = default;
  Bus() = default;
  Bus(const Bus&) = delete;
  Bus& operator=(const Bus&) = delete;

  // Nodes whose vendor id the catalog lists; held nodes come back as remembered, ready.
  std::vector<UsbNode> scan();

  // Calls `on_event` from another thread until the Watch is destroyed. The base class
  // has no hotplug source: throws cc::Error{kUnsupported}.
  virtual std::unique_ptr<Watch> watch(std::function<void(const BusEvent&)> on_event);

  // Registers `node` as open in this process until the Hold is destroyed.
  class Hold {
   public:
    Hold() = default;
    Hold(Hold&& other) noexcept : bus_(other.bus_), path_(std::move(other.path_)) { other.bus_ = nullptr; }
    Hold& operator=(Hold&& other) noexcept;
    ~Hold() { release(); }
    Hold(const Hold&) = delete;
    Hold& operator=(const Hold&) = delete;

   private:
    friend class Bus;
    Hold(Bus* bus, std::string path) : bus_(bus), path_(std::move(path)) {}
    void release() noexcept;
    Bus* bus_ = nullptr;
    std::string path_;
  };
  Hold hold(const UsbNode& node);
  std::size_t held_count() const;

 protected:
  // The raw scan; `held` paths must not be probed (see scan.hpp).
  virtual std::vector<UsbNode> scan_nodes(const std::set<std::string>& held) = 0;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::pair<UsbNode, int>> held_;  // path -> node, hold count
};

// hidapi + libusb, filtered by the catalog's vendor ids; hotplug from udev's netlink
// monitor. `catalog` must outlive the bus.
class UsbBus final : public Bus {
 public:
  explicit UsbBus(const catalog::Catalog& catalog);

  // Starts with an arrival for every catalog device already present, then one event per
  // change, woken by udev (no polling): a uevent is confirmed by a rescan, retried for
  // at most kSettleMs while the backends catch up. Throws Error{kUnsupported} without udev.
  std::unique_ptr<Watch> watch(std::function<void(const BusEvent&)> on_event) override;
  static constexpr int kSettleMs = 500;
  // What watch() starts with: an arrival for every catalog device present now.
  std::vector<BusEvent> present();

 protected:
  std::vector<UsbNode> scan_nodes(const std::set<std::string>& held) override;

 private:
  const catalog::Catalog& catalog_;
  std::set<std::uint16_t> vendors_;
};

// Emulator endpoints have no hotplug: each is probed (PINGPING for udp:, a TCP connect
// for tcp:) every `interval`, all at once; an arrival when one starts answering, a
// departure after `misses` probes in a row go unanswered (a busy emulator may skip one).
struct EmulatorProbeOptions {
  std::chrono::milliseconds interval{1000};
  std::chrono::milliseconds timeout{300};
  int misses = 3;
};
std::unique_ptr<Watch> watch_emulators(const std::vector<transport::DevicePath>& endpoints,
                                       std::function<void(const BusEvent&)> on_event,
                                       EmulatorProbeOptions options = {});

}  // namespace cc::enumerate
