#pragma once
// The two halves of scan_usb. Each returns nodes whose vendor id is in `vendors`, and
// throws cc::Error only when its whole backend is unavailable (scan_usb swallows that).
#include <cstdint>
#include <set>
#include <vector>

#include "enumerate/enumerate.hpp"

namespace cc::enumerate {

using VendorSet = std::set<std::uint16_t>;

// HID interfaces through hidapi; state from a plain open() of the hidraw node.
std::vector<UsbNode> scan_hid(const VendorSet& vendors);

// Non-HID USB devices (WebUSB, serial bridges) through libusb; state from libusb_open.
std::vector<UsbNode> scan_webusb(const VendorSet& vendors);

}  // namespace cc::enumerate
