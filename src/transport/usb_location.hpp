#pragma once
// The physical place of a USB device: bus number and the chain of hub ports leading to
// it. Stable across re-plugging into the same socket, unlike the device address.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cc::transport {

inline constexpr std::size_t kMaxPortDepth = 7;  // USB 3 allows at most 7 tiers

struct UsbLocation {
  std::uint8_t bus = 0;
  std::vector<std::uint8_t> ports;

  bool operator==(const UsbLocation&) const = default;
};

// Parses "001-1.4.2" (bus 1..255, ports 1..255, 1..7 ports). Throws
// cc::Error{kInvalidArgument} with the reason only (callers add the full path).
UsbLocation parse_usb_location(std::string_view text);

// "001-1.4.2": the bus is zero-padded to three digits like lsusb and /dev/bus/usb.
std::string format_usb_location(const UsbLocation& location);

}  // namespace cc::transport
