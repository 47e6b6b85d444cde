// UsbBus::watch(): udev's netlink monitor wakes a thread; each relevant uevent is turned
// into events by rescanning and diffing (BusTracker), so a watched device looks exactly
// as `list` shows it (model, access state, which program holds it).
#include <libudev.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <optional>
#include <cstring>
#include <thread>

#include "core/error.hpp"
#include "core/unique_fd.hpp"
#include "enumerate/bus.hpp"
#include "enumerate/bus_tracker.hpp"

namespace cc::enumerate {
namespace {

struct UdevDeleter {
  void operator()(udev* u) const noexcept { udev_unref(u); }
  void operator()(udev_monitor* m) const noexcept { udev_monitor_unref(m); }
  void operator()(udev_device* d) const noexcept { udev_device_unref(d); }
};
using UdevPtr = std::unique_ptr<udev, UdevDeleter>;
using MonitorPtr = std::unique_ptr<udev_monitor, UdevDeleter>;
using DevicePtr = std::unique_ptr<udev_device, UdevDeleter>;

// The USB device's sysfs name ("1-1.3") is its port chain.
std::string port_chain_of(udev* u, const UsbNode& node) {
  if (node.path.starts_with("webusb:")) {
    std::string chain = node.path.substr(7);  // "001-1.3"
    while (chain.size() > 1 && chain.front() == '0' && chain[1] != '-') chain.erase(0, 1);
    return chain;
  }
  if (!node.path.starts_with("hid:")) return {};
  const std::string devnode = node.path.substr(4);
  const auto slash = devnode.rfind('/');
  const DevicePtr hidraw(udev_device_new_from_subsystem_sysname(
      u, "hidraw", devnode.substr(slash == std::string::npos ? 0 : slash + 1).c_str()));
  if (!hidraw) return {};
  udev_device* usb = udev_device_get_parent_with_subsystem_devtype(hidraw.get(), "usb", "usb_device");  // borrowed
  const char* name = usb != nullptr ? udev_device_get_sysname(usb) : nullptr;
  return name != nullptr ? name : "";
}

class UdevWatch final : public Watch {
 public:
  UdevWatch(Bus& bus, const catalog::Catalog& catalog, std::function<void(const BusEvent&)> on_event)
      : bus_(bus), catalog_(catalog), on_event_(std::move(on_event)), stop_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
    if (!stop_) throw Error(ErrorCode::kIo, std::string("eventfd failed: ") + std::strerror(errno));
    udev_.reset(udev_new());
    if (!udev_) throw Error(ErrorCode::kUnsupported, "watching the USB bus needs udev (udev_new failed)");
    // Without a running udevd (containers, early boot) libudev turns a "udev" monitor
    // off; the kernel's own uevents still arrive, before udev has made the nodes,
    // which the settling rescans absorb.
    const bool udevd = ::access("/run/udev/control", F_OK) == 0;
    monitor_.reset(udev_monitor_new_from_netlink(udev_.get(), udevd ? "udev" : "kernel"));
    if (!monitor_) throw Error(ErrorCode::kUnsupported, "watching the USB bus needs udev's netlink monitor");
    udev_monitor_filter_add_match_subsystem_devtype(monitor_.get(), "usb", "usb_device");
    udev_monitor_filter_add_match_subsystem_devtype(monitor_.get(), "hidraw", nullptr);
    if (udev_monitor_enable_receiving(monitor_.get()) != 0) {
      throw Error(ErrorCode::kUnsupported, "watching the USB bus: udev's monitor could not be started");
    }
    thread_ = std::thread([this] { run(); });
  }

  ~UdevWatch() override {
    const std::uint64_t one = 1;
    (void)!::write(stop_.get(), &one, sizeof one);
    if (thread_.joinable()) thread_.join();
  }

 private:
  void emit(const std::vector<BusEvent>& events) {
    for (const auto& e : events) {
      try {
        on_event_(e);
      } catch (...) {  // a subscriber's failure must not end the watch
      }
    }
  }

  std::vector<BusEvent> rescan(BusTracker& tracker) {
    std::vector<UsbNode> nodes;
    try {
      nodes = bus_.scan();
    } catch (const Error&) {  // a backend that went away: nothing is there
    }
    return tracker.update(nodes, std::chrono::steady_clock::now());
  }

  // Reads every queued uevent; true when one was an add or remove.
  bool drain() {
    bool relevant = false;
    while (true) {
      const DevicePtr device(udev_monitor_receive_device(monitor_.get()));
      if (!device) return relevant;
      const char* action = udev_device_get_action(device.get());
      if (action != nullptr && (std::strcmp(action, "add") == 0 || std::strcmp(action, "remove") == 0 ||
                                std::strcmp(action, "bind") == 0 || std::strcmp(action, "unbind") == 0)) {
        relevant = true;
      }
    }
  }

  void run() {
    BusTracker tracker(catalog_, [this](const UsbNode& node) { return port_chain_of(udev_.get(), node); });
    emit(rescan(tracker));
    using Clock = std::chrono::steady_clock;
    bool settling = false;  // a uevent the scan has not shown yet
    Clock::time_point settle_until{};
    while (true) {
      int timeout_ms = -1;
      if (settling) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(settle_until - Clock::now()).count();
        timeout_ms = static_cast<int>(std::clamp<long long>(left, 0, 10));
      }
      pollfd fds[2] = {{udev_monitor_get_fd(monitor_.get()), POLLIN, 0}, {stop_.get(), POLLIN, 0}};
      const int ready = ::poll(fds, 2, timeout_ms);
      if (ready < 0 && errno != EINTR) return;
      if ((fds[1].revents & POLLIN) != 0) return;
      const bool relevant = (fds[0].revents & POLLIN) != 0 && drain();
      if (!relevant && !settling) continue;
      const auto events = rescan(tracker);
      emit(events);
      if (!events.empty()) {
        settling = false;
      } else if (relevant) {
        settling = true;
        settle_until = Clock::now() + std::chrono::milliseconds(UsbBus::kSettleMs);
      } else if (settling && Clock::now() >= settle_until) {
        settling = false;  // the uevent was about a device the catalog does not know
      }
    }
  }

  Bus& bus_;
  const catalog::Catalog& catalog_;
  std::function<void(const BusEvent&)> on_event_;
  UniqueFd stop_;
  UdevPtr udev_;
  MonitorPtr monitor_;
  std::thread thread_;
};

}  // namespace

std::vector<BusEvent> UsbBus::present() {
  const UdevPtr u(udev_new());
  BusTracker tracker(catalog_, [&u](const UsbNode& node) { return u ? port_chain_of(u.get(), node) : std::string(); });
  return tracker.update(scan(), std::chrono::steady_clock::now());
}

std::unique_ptr<Watch> UsbBus::watch(std::function<void(const BusEvent&)> on_event) {
  return std::make_unique<UdevWatch>(*this, catalog_, std::move(on_event));
}

}  // namespace cc::enumerate
