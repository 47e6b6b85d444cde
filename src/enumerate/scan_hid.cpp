#include <fcntl.h>

#include <cerrno>
#include <cstring>

#include "enumerate/scan.hpp"
#include "transport/hid_api.hpp"
#include "transport/node_access.hpp"
#include "core/unique_fd.hpp"
#include "transport/wide_string.hpp"

namespace cc::enumerate {
namespace {

// Opening a hidraw node read-write and closing it again changes nothing on the device,
// and is exactly what hid_open_path would do first. Returns false when the node vanished.
bool probe_access(UsbNode& node, const char* node_path) {
  const UniqueFd fd(::open(node_path, O_RDWR | O_CLOEXEC | O_NONBLOCK));
  if (fd) {
    node.state = ::coldcheck::ACCESS_READY;
    return true;
  }
  const int err = errno;
  switch (err) {
    case ENOENT:
    case ENODEV:
    case ENXIO: return false;
    case EACCES:
    case EPERM:
      node.state = ::coldcheck::ACCESS_NO_PERMISSION;
      node.detail = "open failed: permission denied (" + transport::describe_node(node_path) + ")";
      return true;
    case EBUSY:
      node.state = ::coldcheck::ACCESS_BUSY;
      node.detail = std::string("open failed: ") + std::strerror(err) + " (" + node_path + ")";
      return true;
    default:
      node.state = ::coldcheck::ACCESS_UNKNOWN;
      node.detail = std::string("open failed: ") + std::strerror(err) + " (" + node_path + ")";
      return true;
  }
}

}  // namespace

std::vector<UsbNode> scan_hid(const VendorSet& vendors, const PathSet& held) {
  const auto list = transport::enumerate_hid();
  std::vector<UsbNode> nodes;
  for (const hid_device_info* info = list.get(); info != nullptr; info = info->next) {
    if (info->path == nullptr || vendors.count(info->vendor_id) == 0) continue;
    UsbNode node;
    node.path = "hid:" + std::string(info->path);
    node.vendor_id = info->vendor_id;
    node.product_id = info->product_id;
    node.interface_number = info->interface_number;
    node.usage_page = info->usage_page;
    node.product = usb_string(transport::to_utf8(info->product_string));
    node.manufacturer = usb_string(transport::to_utf8(info->manufacturer_string));
    if (held.count(node.path) > 0) {
      node.state = ::coldcheck::ACCESS_READY;  // ours: probing it would only race our own I/O
      nodes.push_back(std::move(node));
    } else if (probe_access(node, info->path)) {
      nodes.push_back(std::move(node));
    }
  }
  return nodes;
}

}  // namespace cc::enumerate
