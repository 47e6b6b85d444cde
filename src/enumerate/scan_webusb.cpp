#include <array>

#include "enumerate/scan.hpp"
#include "transport/node_access.hpp"
#include "transport/usb_context.hpp"
#include "transport/usb_location.hpp"

namespace cc::enumerate {
namespace {

// HID-class devices are listed by scan_hid; listing them here too would show them twice.
bool is_hid_device(libusb_device* device) {
  libusb_config_descriptor* raw = nullptr;
  if (libusb_get_active_config_descriptor(device, &raw) != 0 && libusb_get_config_descriptor(device, 0, &raw) != 0) {
    return false;
  }
  const transport::UsbConfigPtr config(raw);
  if (config->bNumInterfaces == 0 || config->interface[0].num_altsetting == 0) return false;
  return config->interface[0].altsetting[0].bInterfaceClass == LIBUSB_CLASS_HID;
}

std::string location_path(libusb_device* device) {
  std::array<std::uint8_t, transport::kMaxPortDepth> ports{};
  const int depth = libusb_get_port_numbers(device, ports.data(), static_cast<int>(ports.size()));
  transport::UsbLocation location;
  location.bus = libusb_get_bus_number(device);
  if (depth > 0) location.ports.assign(ports.begin(), ports.begin() + depth);
  return "webusb:" + transport::format_usb_location(location);
}

std::string string_descriptor(libusb_device_handle* handle, std::uint8_t index) {
  if (index == 0) return {};
  std::array<unsigned char, 256> text{};
  const int len = libusb_get_string_descriptor_ascii(handle, index, text.data(), static_cast<int>(text.size()));
  if (len <= 0) return {};
  return usb_string(std::string_view(reinterpret_cast<const char*>(text.data()), static_cast<std::size_t>(len)));
}

// libusb_open only opens the usbfs node; no interface is claimed, so nothing changes for
// a program that is using the device. Returns false when the device vanished.
bool probe_access(UsbNode& node, libusb_device* device, const libusb_device_descriptor& desc) {
  libusb_device_handle* raw = nullptr;
  const int rc = libusb_open(device, &raw);
  if (rc == 0) {
    const transport::UsbHandlePtr handle(raw);
    node.state = ::coldcheck::ACCESS_READY;
    node.product = string_descriptor(handle.get(), desc.iProduct);
    node.manufacturer = string_descriptor(handle.get(), desc.iManufacturer);
    return true;
  }
  if (rc == LIBUSB_ERROR_NO_DEVICE) return false;
  if (rc == LIBUSB_ERROR_ACCESS) {
    node.state = ::coldcheck::ACCESS_NO_PERMISSION;
    node.detail = "open failed: permission denied (" + transport::describe_node(transport::usb_node_path(device)) + ")";
    return true;
  }
  node.state = rc == LIBUSB_ERROR_BUSY ? ::coldcheck::ACCESS_BUSY : ::coldcheck::ACCESS_UNKNOWN;
  node.detail = "open failed: " + transport::usb_error_text(rc) + " (" + transport::usb_node_path(device) + ")";
  return true;
}

}  // namespace

std::vector<UsbNode> scan_webusb(const VendorSet& vendors, const PathSet& held) {
  const transport::UsbDeviceList devices(transport::usb_context());
  std::vector<UsbNode> nodes;
  for (libusb_device* device : devices) {
    libusb_device_descriptor desc{};
    if (libusb_get_device_descriptor(device, &desc) != 0) continue;
    if (vendors.count(desc.idVendor) == 0 || is_hid_device(device)) continue;
    UsbNode node;
    node.path = location_path(device);
    node.vendor_id = desc.idVendor;
    node.product_id = desc.idProduct;
    node.interface_number = 0;
    node.webusb = true;
    if (held.count(node.path) > 0) {
      node.state = ::coldcheck::ACCESS_READY;  // ours: the Bus fills in what it remembers
      nodes.push_back(std::move(node));
    } else if (probe_access(node, device, desc)) {
      nodes.push_back(std::move(node));
    }
  }
  return nodes;
}

}  // namespace cc::enumerate
