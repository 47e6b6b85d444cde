#pragma once
// The USB bus as the app sees it: scan() what is plugged in now; watch() for arrivals
// and removals (not implemented yet: a later issue adds hotplug). Devices the app holds
// open are registered with hold(), so a scan never probes them (an access probe would
// race the app's own I/O on them) and never overlaps a registration.
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "enumerate/enumerate.hpp"

namespace cc::enumerate {

struct BusEvent {
  enum class Kind { kArrived, kLeft };
  Kind kind = Kind::kArrived;
  UsbNode node;
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

  // Calls `on_event` from another thread until the Watch is destroyed. This build has
  // no hotplug source: throws cc::Error{kUnsupported}.
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

// hidapi + libusb, filtered by the catalog's vendor ids.
class UsbBus final : public Bus {
 public:
  explicit UsbBus(const catalog::Catalog& catalog);

 protected:
  std::vector<UsbNode> scan_nodes(const std::set<std::string>& held) override;

 private:
  std::set<std::uint16_t> vendors_;
};

}  // namespace cc::enumerate
