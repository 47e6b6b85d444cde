#pragma once
// Uevents into a umockdev testbed from a process that is not itself under the preload
// (the test process): the message libudev's monitor reads (its "libudev" header, then
// NUL-separated properties), sent to every monitor socket the preload made in the
// testbed ("<root>/eventN"). umockdev's own sender looks the device up in the real /sys,
// which only works from inside the preload.
#include <string>

namespace cc::usb_bus {

struct Uevent {
  std::string action;     // "add", "remove", "change"
  std::string devpath;    // below /sys: "/devices/pci0000:00/.../1-1.3"
  std::string subsystem;  // "usb", "hidraw"
  std::string devtype;    // "usb_device"; empty for none
  std::string devname;    // "/dev/hidraw0"; empty for none
};

// Returns how many monitors it reached.
int send_uevent(const std::string& testbed_root, const Uevent& event);

}  // namespace cc::usb_bus
