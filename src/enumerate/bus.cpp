#include "enumerate/bus.hpp"

#include "core/error.hpp"
#include "enumerate/scan.hpp"

namespace cc::enumerate {

std::vector<UsbNode> Bus::scan() {
  const std::lock_guard lock(mutex_);
  std::set<std::string> held;
  for (const auto& [path, entry] : held_) held.insert(path);
  auto nodes = scan_nodes(held);
  for (auto& node : nodes) {
    const auto it = held_.find(node.path);
    if (it == held_.end()) continue;
    node = it->second.first;
    node.state = ::coldcheck::ACCESS_READY;
    node.detail = "open in this coldcheck process";
  }
  return nodes;
}

std::unique_ptr<Watch> Bus::watch(std::function<void(const BusEvent&)>) {
  throw Error(ErrorCode::kUnsupported, "watching the USB bus for devices is not supported in this build");
}

Bus::Hold Bus::hold(const UsbNode& node) {
  const std::lock_guard lock(mutex_);
  auto& entry = held_[node.path];
  entry.first = node;
  ++entry.second;
  return Hold(this, node.path);
}

std::size_t Bus::held_count() const {
  const std::lock_guard lock(mutex_);
  return held_.size();
}

Bus::Hold& Bus::Hold::operator=(Hold&& other) noexcept {
  if (this != &other) {
    release();
    bus_ = other.bus_;
    path_ = std::move(other.path_);
    other.bus_ = nullptr;
  }
  return *this;
}

void Bus::Hold::release() noexcept {
  if (bus_ == nullptr) return;
  const std::lock_guard lock(bus_->mutex_);
  const auto it = bus_->held_.find(path_);
  if (it != bus_->held_.end() && --it->second.second == 0) bus_->held_.erase(it);
  bus_ = nullptr;
}

UsbBus::UsbBus(const catalog::Catalog& catalog) : catalog_(catalog), vendors_(catalog_vendors(catalog)) {}

std::vector<UsbNode> UsbBus::scan_nodes(const std::set<std::string>& held) { return scan_both(vendors_, held); }

}  // namespace cc::enumerate
