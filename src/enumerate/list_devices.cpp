#include <algorithm>
#include <future>
#include <set>
#include <utility>

#include "core/error.hpp"
#include "enumerate/enumerate.hpp"
#include "enumerate/natural_order.hpp"
#include "transport/speculos_client.hpp"

namespace cc::enumerate {
namespace {

using ::coldcheck::ListedDevice;

::coldcheck::DeviceMode mode_of(catalog::UsbId const& usb) {
  switch (usb.mode()) {
    case ::coldcheck::catalog::MODE_FIRMWARE: return ::coldcheck::DEVICE_MODE_FIRMWARE;
    case ::coldcheck::catalog::MODE_BOOTLOADER: return ::coldcheck::DEVICE_MODE_BOOTLOADER;
    default: return ::coldcheck::DEVICE_MODE_UNKNOWN;  // MODE_EITHER: the protocol decides
  }
}

// Distinct values in first-seen order, joined with " / ".
template <typename Get>
std::string join_distinct(const std::vector<catalog::UsbMatch>& matches, Get get) {
  std::vector<std::string> seen;
  for (const auto& m : matches) {
    std::string value = get(m);
    if (std::find(seen.begin(), seen.end(), value) == seen.end()) seen.push_back(std::move(value));
  }
  std::string out;
  for (const auto& value : seen) out += (out.empty() ? "" : " / ") + value;
  return out;
}

ListedDevice probe_emulator(const transport::DevicePath& path, const transport::UdpOptions& probe) {
  ListedDevice device;
  device.set_path(path.to_string());
  device.set_model_name("emulator");
  device.set_mode(::coldcheck::DEVICE_MODE_UNKNOWN);
  if (path.scheme == transport::Scheme::kTcp) {
    // Speculos: an accepted TCP connection is all a probe can learn without an APDU.
    device.set_transport("tcp");
    const bool up = transport::probe_tcp(path, probe.probe_timeout * std::max(1, probe.probe_tries));
    device.set_state(up ? ::coldcheck::ACCESS_READY : ::coldcheck::ACCESS_UNREACHABLE);
    if (!up) device.set_detail(path.to_string() + ": nothing accepts a TCP connection; is Speculos running?");
    return device;
  }
  if (path.scheme != transport::Scheme::kUdp) {
    device.set_transport("unknown");
    device.set_state(::coldcheck::ACCESS_UNKNOWN);
    device.set_detail("not probed: only udp: emulators can be probed in this build");
    return device;
  }
  device.set_transport("udp");
  try {
    transport::UdpLink::open(path, probe);
    device.set_state(::coldcheck::ACCESS_READY);
  } catch (const Error& e) {
    device.set_state(::coldcheck::ACCESS_UNREACHABLE);
    device.set_detail(e.what());
  }
  return device;
}

}  // namespace

std::vector<catalog::UsbMatch> match_node(const catalog::Catalog& catalog, const UsbNode& node) {
  const auto interface_number = node.interface_number >= 0 ? std::optional<int>(node.interface_number) : std::nullopt;
  const auto usage_page = node.usage_page != 0 ? std::optional<std::uint16_t>(node.usage_page) : std::nullopt;
  return catalog.match_usb(node.vendor_id, node.product_id, interface_number, usage_page, node.product);
}

std::optional<ListedDevice> describe_usb_node(const catalog::Catalog& catalog, const UsbNode& node) {
  const auto matches = match_node(catalog, node);
  if (matches.empty()) return std::nullopt;

  ListedDevice device;
  device.set_path(node.path);
  device.set_vendor_id(node.vendor_id);
  device.set_product_id(node.product_id);
  device.set_state(node.state);
  device.set_detail(node.detail);

  std::set<std::string> ids;
  for (const auto& m : matches) ids.insert(m.model->id());
  if (ids.size() == 1) device.set_catalog_id(*ids.begin());
  // Several models behind one USB id: name them all; Features decides later.
  device.set_model_name(join_distinct(matches, [](const auto& m) { return m.model->name(); }));
  device.set_maker(join_distinct(matches, [](const auto& m) { return m.model->vendor(); }));

  const auto first_mode = mode_of(*matches.front().usb);
  const bool same_mode =
      std::all_of(matches.begin(), matches.end(), [&](const auto& m) { return mode_of(*m.usb) == first_mode; });
  device.set_mode(same_mode ? first_mode : ::coldcheck::DEVICE_MODE_UNKNOWN);
  device.set_shared_usb_id(ids.size() > 1 ||
                           std::any_of(matches.begin(), matches.end(), [](const auto& m) { return m.usb->shared(); }));

  const bool serial = std::all_of(matches.begin(), matches.end(), [](const auto& m) {
    return m.usb->transport() == ::coldcheck::catalog::TRANSPORT_SERIAL;
  });
  device.set_transport(serial ? "serial" : node.webusb ? "webusb" : "hid");
  return device;
}

::coldcheck::DeviceList list_devices(const catalog::Catalog& catalog,
                                     const std::vector<transport::DevicePath>& emulators) {
  return list_devices(catalog, emulators, ListOptions{});
}

::coldcheck::DeviceList list_devices(const catalog::Catalog& catalog,
                                     const std::vector<transport::DevicePath>& emulators, const ListOptions& options) {
  // Probe emulators while USB is scanned: a silent endpoint costs its whole probe budget.
  std::vector<std::future<ListedDevice>> probes;
  probes.reserve(emulators.size());
  for (const auto& path : emulators) {
    probes.push_back(std::async(std::launch::async, probe_emulator, path, options.probe));
  }

  std::vector<ListedDevice> usb;
  const std::vector<UsbNode> scanned = options.usb != nullptr ? std::vector<UsbNode>{} : scan_usb(catalog);
  for (const auto& node : options.usb != nullptr ? *options.usb : scanned) {
    if (auto device = describe_usb_node(catalog, node)) usb.push_back(std::move(*device));
  }
  std::sort(usb.begin(), usb.end(), [](const ListedDevice& a, const ListedDevice& b) {
    if (a.path() != b.path()) return natural_less(a.path(), b.path());
    return std::pair(a.vendor_id(), a.product_id()) < std::pair(b.vendor_id(), b.product_id());
  });

  ::coldcheck::DeviceList list;
  for (auto& device : usb) *list.add_devices() = std::move(device);
  for (auto& probe : probes) *list.add_devices() = probe.get();
  return list;
}

}  // namespace cc::enumerate
