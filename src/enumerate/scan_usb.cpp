#include "core/error.hpp"
#include "enumerate/enumerate.hpp"
#include "enumerate/scan.hpp"

namespace cc::enumerate {

VendorSet catalog_vendors(const catalog::Catalog& catalog) {
  VendorSet vendors;
  for (const auto& model : catalog.models()) {
    for (const auto& usb : model.usb()) vendors.insert(static_cast<std::uint16_t>(usb.vendor_id()));
  }
  return vendors;
}

std::vector<UsbNode> scan_both(const VendorSet& vendors, const PathSet& held) {
  std::vector<UsbNode> nodes;
  // A missing backend (no USB bus in a container, no hidraw) means "nothing plugged in".
  try {
    nodes = scan_hid(vendors, held);
  } catch (const Error&) {
  }
  try {
    auto usb = scan_webusb(vendors, held);
    nodes.insert(nodes.end(), std::make_move_iterator(usb.begin()), std::make_move_iterator(usb.end()));
  } catch (const Error&) {
  }
  return nodes;
}

std::vector<UsbNode> scan_usb(const catalog::Catalog& catalog) { return scan_both(catalog_vendors(catalog), {}); }

}  // namespace cc::enumerate
