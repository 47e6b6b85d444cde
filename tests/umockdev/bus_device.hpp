#pragma once
// What UsbBus keeps per plugged device, shared by the bus (sysfs, relay) and the two
// node handlers (hid_node.cpp, usbfs_node.cpp). Internal to the USB tier.
#include <umockdev.h>
#include <linux/usbdevice_fs.h>

#include <atomic>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "umockdev/usb_bus.hpp"

namespace cc::usb_bus {

// Holds a GObject reference; UMockdev's objects are GObjects.
template <typename T>
struct GRef {
  T* p = nullptr;
  GRef() = default;
  explicit GRef(T* adopt) : p(adopt) {}
  GRef(const GRef&) = delete;
  GRef& operator=(const GRef&) = delete;
  GRef(GRef&& o) noexcept : p(std::exchange(o.p, nullptr)) {}
  GRef& operator=(GRef&& o) noexcept {
    std::swap(p, o.p);
    return *this;
  }
  ~GRef() {
    if (p) g_object_unref(p);
  }
};

// One submitted URB, as the host process's memory mirrored into this one.
struct Urb {
  GRef<UMockdevIoctlData> urb;     // struct usbdevfs_urb
  GRef<UMockdevIoctlData> buffer;  // its data buffer
  usbdevfs_urb* fields() const { return reinterpret_cast<usbdevfs_urb*>(urb.p->data); }
};

struct Device {
  UsbBus::Impl* bus = nullptr;
  DeviceSpec spec;
  Plugged plugged;
  bool hid = false;
  std::string hidraw;          // "hidraw0"
  std::string hidraw_syspath;  // its class device in sysfs (the uevent source)
  std::string usb_node;        // "/dev/bus/usb/001/005"
  GRef<UMockdevIoctlBase> handler;
  int master = -1;  // HID: the pty end this bus writes reports into (owned by the testbed)
  int udp = -1;
  int wake = -1;
  std::thread relay;
  std::atomic<bool> stopping{false};
  std::atomic<bool> unplugged{false};
  std::atomic<bool> claimed_elsewhere{false};
  std::atomic<int> to_host{0};
  std::atomic<int> from_host{0};

  std::mutex mutex;                               // guards the URB queues
  std::deque<Urb> in_flight;                      // IN URBs waiting for a report
  std::deque<std::vector<std::uint8_t>> reports;  // reports waiting for an IN URB
  std::deque<Urb> done;                           // ready to reap

  // One report from the host to the simulator (padded or cut to 64 bytes).
  void send_to_simulator(const std::uint8_t* data, std::size_t size);
  void run_relay();
  void deliver(const std::uint8_t* data, std::size_t size);
  void go_away();
};

struct UsbBus::Impl {
  GRef<UMockdevTestbed> testbed;
  std::string root;
  std::map<std::string, unsigned> next_devnum;  // per bus
  std::map<std::string, std::string> hubs;      // "1-1" -> syspath
  std::vector<std::unique_ptr<Device>> devices;
  int next_hidraw = 0;
  int next_hid = 1;
  bool announce = false;  // send add/remove uevents on plug/unplug (UsbBus::announce_uevents)

  // The kernel's uevents for the device: its USB node, then (HID) its hidraw node;
  // removal in the reverse order.
  int send_uevents(const Device& d, const std::string& action) const;

  void add(const std::string& text) {
    GError* error = nullptr;
    if (!umockdev_testbed_add_from_string(testbed.p, text.c_str(), &error)) {
      const std::string why = error ? error->message : "unknown";
      if (error) g_error_free(error);
      throw std::runtime_error("umockdev: cannot add device: " + why + "\n" + text);
    }
  }
  std::string usb_device(const std::string& parent_syspath, const std::string& name, std::uint8_t bus,
                         const DescriptorSpec& desc, const std::string& manufacturer, const std::string& product,
                         const std::string& serial, const std::string& devpath, unsigned* devnum_out);
  std::string hub_for(std::uint8_t bus, const std::vector<std::uint8_t>& chain);
  Device* find(const Plugged& p) const {
    // The latest device at that place: a replugged device reuses its syspath.
    for (auto it = devices.rbegin(); it != devices.rend(); ++it) {
      if ((*it)->plugged.syspath == p.syspath && (*it)->plugged.node == p.node) return it->get();
    }
    for (const auto& d : devices) {
      if (d->plugged.syspath == p.syspath) return d.get();
    }
    throw std::runtime_error("not plugged into this bus: " + p.device_path);
  }
};

// Connects the node's handler signals to the device.
void attach_hid_node(Device& dev);
void attach_usbfs_node(Device& dev);

template <typename F>
void connect_signal(UMockdevIoctlBase* handler, const char* signal, F* fn, Device* dev) {
  g_signal_connect(handler, signal, reinterpret_cast<GCallback>(reinterpret_cast<void (*)()>(fn)), dev);
}

}  // namespace cc::usb_bus
