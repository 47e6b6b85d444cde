#include "enumerate/bus_tracker.hpp"

#include <set>

#include "transport/usb_location.hpp"

namespace cc::enumerate {

std::string port_label(const std::string& port_chain) {
  const auto dash = port_chain.find('-');
  if (dash == std::string::npos) return port_chain;
  const std::string ports = port_chain.substr(dash + 1);
  const auto last_dot = ports.rfind('.');
  if (last_dot == std::string::npos) return "port " + ports;
  const std::string hub = ports.substr(0, last_dot);
  const std::string port = ports.substr(last_dot + 1);
  if (hub.find('.') == std::string::npos) return "hub port " + port;
  return "hub " + hub.substr(hub.find('.') + 1) + " port " + port;
}

namespace {

std::string mode_name(::coldcheck::DeviceMode mode) {
  switch (mode) {
    case ::coldcheck::DEVICE_MODE_FIRMWARE: return "firmware";
    case ::coldcheck::DEVICE_MODE_BOOTLOADER: return "bootloader";
    default: return "";
  }
}

}  // namespace

BusTracker::BusTracker(const catalog::Catalog& catalog, PortChainOf port_chain_of)
    : catalog_(catalog), port_chain_of_(std::move(port_chain_of)) {}

std::vector<BusEvent> BusTracker::update(const std::vector<UsbNode>& now, std::chrono::steady_clock::time_point at) {
  std::vector<BusEvent> events;
  std::map<std::string, const UsbNode*> seen;
  for (const auto& node : now) seen.emplace(node.path, &node);

  for (auto it = present_.begin(); it != present_.end();) {
    if (seen.count(it->first) > 0) {
      ++it;
      continue;
    }
    BusEvent left = it->second;
    left.kind = BusEvent::Kind::kLeft;
    left.previous_path.clear();
    if (!left.port_chain.empty()) recently_left_[left.port_chain] = Left{left, at};
    events.push_back(std::move(left));
    it = present_.erase(it);
  }
  for (auto it = recently_left_.begin(); it != recently_left_.end();) {
    it = at - it->second.at > kModeChangeWindow ? recently_left_.erase(it) : std::next(it);
  }

  for (const auto& node : now) {
    if (present_.count(node.path) > 0) continue;
    const auto listed = describe_usb_node(catalog_, node);
    if (!listed) continue;
    BusEvent arrived;
    arrived.kind = BusEvent::Kind::kArrived;
    arrived.node = node;
    arrived.model = listed->model_name();
    arrived.mode = mode_name(listed->mode());
    arrived.port_chain = port_chain_of_ ? port_chain_of_(node) : std::string();
    arrived.port = arrived.port_chain.empty() ? node.path : port_label(arrived.port_chain);
    if (const auto was = recently_left_.find(arrived.port_chain);
        !arrived.port_chain.empty() && was != recently_left_.end()) {
      const auto& before = was->second.event;
      if (before.node.vendor_id == node.vendor_id &&
          (before.node.product_id != node.product_id || before.mode != arrived.mode)) {
        arrived.kind = BusEvent::Kind::kModeChanged;
        arrived.previous_path = before.node.path;
      }
      recently_left_.erase(was);
    }
    present_[node.path] = arrived;
    events.push_back(std::move(arrived));
  }
  return events;
}

}  // namespace cc::enumerate
