#pragma once
// An emulated USB bus for end-to-end tests: a umockdev testbed holding sysfs entries
// and device nodes built from the catalog, with the simulator behind each node. The
// real coldcheck binary runs on it under libumockdev-preload (environment()), so
// libudev, hidapi's hidraw backend and libusb's usbfs backend all run unchanged:
//  - /dev/hidrawN: HID ioctls (report descriptor, raw info) are answered here; writes
//    come here and go to the simulator; reads are served from a pty whose other end
//    this bus writes the simulator's reports into.
//  - /dev/bus/usb/BBB/DDD: every usbfs ioctl is answered here: claim/release, URB
//    submit/reap/discard on the interrupt endpoints 0x01/0x81, control transfers for
//    string descriptors.
// The simulator is a UDP endpoint (sim::Simulator or `coldcheck simulate`); this bus
// relays 64-byte reports between it and the node, one datagram per report.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "coldcheck/catalog.pb.h"
#include "umockdev/usb_descriptors.hpp"

namespace cc::usb_bus {

struct DeviceSpec {
  std::uint16_t vendor_id = 0;
  std::uint16_t product_id = 0;
  InterfaceKind kind = InterfaceKind::kVendor;
  std::uint8_t interface_number = 0;
  std::uint16_t usage_page = 0xFF00;
  std::string manufacturer;
  std::string product;
  std::string serial = "CC0000000001";
  std::uint8_t bus = 1;
  std::vector<std::uint8_t> ports{1};  // port chain below the root hub; hubs are added
  std::uint16_t simulator_port = 0;    // UDP 127.0.0.1:port; 0: nothing answers
  // Unplug in the middle of a reply: after this many reports reached the host.
  int unplug_after_reports = -1;
  // HID: sysfs holds the report descriptor (hidapi reads the usage page from it). A
  // kernel or sandbox that hides it leaves hidapi with usage page 0.
  bool report_descriptor_in_sysfs = true;
};

// The USB id of catalog model `model_id` for `mode` over `transport`, with the catalog's
// usage page and interface number and the model's names as USB strings. Throws
// std::runtime_error when the catalog has no such entry.
DeviceSpec spec_from_catalog(std::string_view model_id, ::coldcheck::catalog::Mode mode,
                             ::coldcheck::catalog::Transport transport);

struct Plugged {
  std::string device_path;  // "hid:/dev/hidraw0" or "webusb:001-1.4"
  std::string node;         // "/dev/hidraw0" or "/dev/bus/usb/001/005"
  std::string syspath;      // "/sys/devices/.../1-1.4"
};

class UsbBus {
 public:
  UsbBus();
  ~UsbBus();
  UsbBus(const UsbBus&) = delete;
  UsbBus& operator=(const UsbBus&) = delete;

  // Adds the device (and the hubs of its port chain) and starts relaying.
  Plugged plug(const DeviceSpec& spec);
  // The node and sysfs entry go away and a remove uevent is sent; a program holding
  // the node sees its next read or transfer fail as on a real unplug.
  void unplug(const Plugged& device);
  // From now on plug() and unplug() send the kernel's "add" / "remove" uevents, which a
  // program's udev monitor on this bus receives (off by default: most tests run one
  // command at a time and need no hotplug).
  void announce_uevents(bool on);
  // Sends `action` ("add", "change", ...) for the device's USB node and, for HID, its
  // hidraw node; returns how many monitors it reached.
  int uevent(const Plugged& device, const std::string& action);
  // USBDEVFS_CLAIMINTERFACE answers EBUSY, as when another program claimed it.
  void claim_elsewhere(const Plugged& device, bool claimed);
  // The file the testbed node resolves to (a pty), e.g. to chmod it for a permission test.
  std::string backing_file(const Plugged& device) const;
  // Lets other users (setpriv --reuid nobody) see the testbed's sysfs and /dev.
  void open_to_all_users();

  // The environment a program needs to run on this bus: this process's, plus
  // LD_PRELOAD of libumockdev-preload and UMOCKDEV_DIR.
  std::vector<std::string> environment() const;
  // Only the two variables that put a program on this bus, for putenv-style callers.
  std::vector<std::string> preload_variables() const;
  std::string root_dir() const;
  // Reports relayed to the host so far, over all devices (a test that must not be
  // vacuous checks the device was really spoken to).
  int reports_to_host() const;
  int reports_from_host() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace cc::usb_bus
