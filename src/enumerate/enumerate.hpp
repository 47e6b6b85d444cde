#pragma once
// What is plugged in (hidapi + libusb) and which emulators answer, joined with the catalog.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "coldcheck/facts.pb.h"
#include "transport/device_path.hpp"
#include "transport/udp_link.hpp"

namespace cc::enumerate {

struct UsbNode {
  std::string path;  // device path, "hid:/dev/hidraw3" or "webusb:001-1.4"
  std::uint16_t vendor_id = 0;
  std::uint16_t product_id = 0;
  int interface_number = -1;
  std::uint16_t usage_page = 0;
  std::string product;
  std::string manufacturer;
  bool webusb = false;
  ::coldcheck::AccessState state = ::coldcheck::ACCESS_UNKNOWN;
  std::string detail;  // e.g. "open failed: permission denied (/dev/hidraw3 mode 0600 root:root)"
};

// The catalog entries this node matches. The scan says "not known" with interface -1
// (libusb gave none) and usage page 0 (hidapi could not read the report descriptor):
// an unknown value must not fail the match. `list` and `info` both go through this.
std::vector<catalog::UsbMatch> match_node(const catalog::Catalog& catalog, const UsbNode& node);

// Raw USB nodes whose vendor id appears in the catalog. A machine with no USB bus
// gives an empty list, not an error.
std::vector<UsbNode> scan_usb(const catalog::Catalog& catalog);

// Catalog devices on USB plus each emulator endpoint (probed with PINGPING; an
// endpoint that does not answer is listed as unreachable, not dropped).
// USB nodes that match no catalog entry (e.g. a wallet's FIDO interface) are left out;
// USB entries sort by path (numbers compared as numbers), emulators follow in the given
// order and are probed concurrently.
::coldcheck::DeviceList list_devices(const catalog::Catalog& catalog,
                                     const std::vector<transport::DevicePath>& emulators);

struct ListOptions {
  transport::UdpOptions probe;  // PINGPING tries and wait per emulator endpoint
  // Nodes the command already scanned (Bus::scan); null: scan here.
  const std::vector<UsbNode>* usb = nullptr;
};

::coldcheck::DeviceList list_devices(const catalog::Catalog& catalog,
                                     const std::vector<transport::DevicePath>& emulators, const ListOptions& options);

// Joins one scanned node with the catalog; nullopt when no entry matches it.
std::optional<::coldcheck::ListedDevice> describe_usb_node(const catalog::Catalog& catalog, const UsbNode& node);

}  // namespace cc::enumerate
