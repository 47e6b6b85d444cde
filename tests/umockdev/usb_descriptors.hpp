#pragma once
// The bytes a real device hands the host when it is plugged in: device, configuration,
// interface, HID and endpoint descriptors, the HID report descriptor, and string
// descriptors. The emulated bus serves them from sysfs (what libudev, hidapi and libusb
// read at enumeration) and from control transfers (what libusb asks the device).
#include <cstdint>
#include <string>
#include <vector>

namespace cc::usb_bus {

enum class InterfaceKind {
  kHid,     // class 3, one IN and one OUT interrupt endpoint, a vendor usage page
  kVendor,  // class 0xFF (WebUSB / serial bridges), interrupt endpoints 0x81 / 0x01
  kHub,     // class 9, one status endpoint
};

struct DescriptorSpec {
  std::uint16_t vendor_id = 0;
  std::uint16_t product_id = 0;
  std::uint16_t device_release = 0x0100;  // bcdDevice
  InterfaceKind kind = InterfaceKind::kVendor;
  std::uint8_t interface_number = 0;
  std::uint16_t usage_page = 0xFF00;  // HID only
};

inline constexpr std::uint8_t kEndpointIn = 0x81;
inline constexpr std::uint8_t kEndpointOut = 0x01;
inline constexpr std::uint16_t kReportSize = 64;

// 18-byte device descriptor (string indexes 1 manufacturer, 2 product, 3 serial).
std::vector<std::uint8_t> device_descriptor(const DescriptorSpec& spec);
// Configuration 1 with its interface, HID (for kHid) and endpoint descriptors.
std::vector<std::uint8_t> configuration_descriptor(const DescriptorSpec& spec);
// A 64-byte-in, 64-byte-out report descriptor on `usage_page`, no report ids.
std::vector<std::uint8_t> hid_report_descriptor(std::uint16_t usage_page);
// String descriptor 0 (language ids: en-US) or a UTF-16LE string.
std::vector<std::uint8_t> language_descriptor();
std::vector<std::uint8_t> string_descriptor(const std::string& ascii);

std::string hex(const std::vector<std::uint8_t>& bytes);

}  // namespace cc::usb_bus
