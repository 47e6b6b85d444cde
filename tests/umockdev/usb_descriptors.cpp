#include "umockdev/usb_descriptors.hpp"

#include <cstdio>

namespace cc::usb_bus {
namespace {

void put16(std::vector<std::uint8_t>& out, std::uint16_t v) {
  out.push_back(static_cast<std::uint8_t>(v & 0xFF));
  out.push_back(static_cast<std::uint8_t>(v >> 8));
}

void endpoint(std::vector<std::uint8_t>& out, std::uint8_t address, std::uint8_t attributes, std::uint16_t max_packet,
              std::uint8_t interval) {
  out.insert(out.end(), {7, 0x05, address, attributes});
  put16(out, max_packet);
  out.push_back(interval);
}

}  // namespace

std::vector<std::uint8_t> device_descriptor(const DescriptorSpec& spec) {
  const bool hub = spec.kind == InterfaceKind::kHub;
  std::vector<std::uint8_t> d{18, 0x01};
  put16(d, 0x0200);  // bcdUSB 2.0
  d.insert(d.end(), {static_cast<std::uint8_t>(hub ? 9 : 0), 0, static_cast<std::uint8_t>(hub ? 1 : 0), 64});
  put16(d, spec.vendor_id);
  put16(d, spec.product_id);
  put16(d, spec.device_release);
  d.insert(d.end(), {1, 2, 3, 1});  // iManufacturer, iProduct, iSerialNumber, bNumConfigurations
  return d;
}

std::vector<std::uint8_t> hid_report_descriptor(std::uint16_t usage_page) {
  return {0x06,
          static_cast<std::uint8_t>(usage_page & 0xFF),
          static_cast<std::uint8_t>(usage_page >> 8),
          0x09,
          0x01,  // usage 1
          0xA1,
          0x01,  // collection (application)
          0x09,
          0x20,  //   usage (input report)
          0x15,
          0x00,  //   logical minimum 0
          0x26,
          0xFF,
          0x00,  //   logical maximum 255
          0x75,
          0x08,  //   report size 8 bits
          0x95,
          0x40,  //   report count 64
          0x81,
          0x02,  //   input (data, variable, absolute)
          0x09,
          0x21,  //   usage (output report)
          0x15,
          0x00,
          0x26,
          0xFF,
          0x00,
          0x75,
          0x08,
          0x95,
          0x40,
          0x91,
          0x02,   //   output (data, variable, absolute)
          0xC0};  // end collection
}

std::vector<std::uint8_t> configuration_descriptor(const DescriptorSpec& spec) {
  std::vector<std::uint8_t> body;
  std::uint8_t interface_class = 0xFF;
  std::uint8_t endpoints = 2;
  if (spec.kind == InterfaceKind::kHid) interface_class = 0x03;
  if (spec.kind == InterfaceKind::kHub) {
    interface_class = 0x09;
    endpoints = 1;
  }
  body.insert(body.end(), {9, 0x04, spec.interface_number, 0, endpoints, interface_class, 0, 0, 0});
  if (spec.kind == InterfaceKind::kHid) {
    const auto report = hid_report_descriptor(spec.usage_page);
    body.insert(body.end(), {9, 0x21});
    put16(body, 0x0111);  // HID 1.11
    body.insert(body.end(), {0, 1, 0x22});
    put16(body, static_cast<std::uint16_t>(report.size()));
  }
  if (spec.kind == InterfaceKind::kHub) {
    endpoint(body, 0x81, 0x03, 1, 12);
  } else {
    endpoint(body, kEndpointIn, 0x03, kReportSize, 1);
    endpoint(body, kEndpointOut, 0x03, kReportSize, 1);
  }
  std::vector<std::uint8_t> config{9, 0x02};
  put16(config, static_cast<std::uint16_t>(9 + body.size()));
  config.insert(config.end(), {1, 1, 0, 0x80, 50});  // 1 interface, value 1, bus powered, 100 mA
  config.insert(config.end(), body.begin(), body.end());
  return config;
}

std::vector<std::uint8_t> language_descriptor() { return {4, 0x03, 0x09, 0x04}; }

std::vector<std::uint8_t> string_descriptor(const std::string& ascii) {
  std::vector<std::uint8_t> d{static_cast<std::uint8_t>(2 + 2 * ascii.size()), 0x03};
  for (char c : ascii) put16(d, static_cast<std::uint8_t>(c));
  return d;
}

std::string hex(const std::vector<std::uint8_t>& bytes) {
  std::string out;
  char two[3];
  for (auto b : bytes) {
    std::snprintf(two, sizeof two, "%02x", static_cast<unsigned>(b));
    out += two;
  }
  return out;
}

}  // namespace cc::usb_bus
