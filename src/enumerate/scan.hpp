#pragma once
// The two halves of scan_usb. Each returns nodes whose vendor id is in `vendors`, and
// throws cc::Error only when its whole backend is unavailable (scan_usb swallows that).
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/clean_text.hpp"
#include "enumerate/enumerate.hpp"

namespace cc::enumerate {

using VendorSet = std::set<std::uint16_t>;
// Device paths this process holds open: listed without an access probe, state ready.
using PathSet = std::set<std::string>;

// HID interfaces through hidapi; state from a plain open() of the hidraw node.
std::vector<UsbNode> scan_hid(const VendorSet& vendors, const PathSet& held = {});

// Non-HID USB devices (WebUSB, serial bridges) through libusb; state from libusb_open.
std::vector<UsbNode> scan_webusb(const VendorSet& vendors, const PathSet& held = {});

// A string descriptor as the device wrote it (manufacturer, product): made valid UTF-8,
// without control or bidi characters, and short, before anything keeps or shows it.
inline constexpr std::size_t kUsbStringMax = 128;
inline std::string usb_string(std::string_view text) { return clean_text(text, kUsbStringMax); }

// The catalog's USB vendor ids.
VendorSet catalog_vendors(const catalog::Catalog& catalog);

// Both halves; a missing backend (no USB bus, no hidraw) gives no nodes, not an error.
std::vector<UsbNode> scan_both(const VendorSet& vendors, const PathSet& held);

}  // namespace cc::enumerate
