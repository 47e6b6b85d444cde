// The host checks of a diagnosis: which host facts to gather for the target (host/),
// turned into check results by checks/host.
#include "app/host_checks.hpp"

#include "checks/host.hpp"
#include "host/host_checks.hpp"
#include "transport/device_path.hpp"

namespace cc::app {

namespace rp = ::coldcheck::report;

std::vector<rp::CheckResult> host_check_results(Target target, const enumerate::UsbNode* node, findings::Language lang,
                                                const host::HostRoot& root) {
  std::vector<rp::CheckResult> out;
  if (target == Target::kEmulator) {
    out.push_back(checks::on_bus_emulator(lang));
    return out;
  }
  if (target == Target::kNone || node == nullptr) {
    out.push_back(checks::on_bus_nothing(lang));
    return out;
  }
  out.push_back(checks::on_bus_found(node->vendor_id, node->product_id, lang));

  const auto path = transport::parse_device_path(node->path);
  const auto dev = host::device_node_for(root, path.target, path.scheme == transport::Scheme::kWebUsb);
  if (!dev) {
    out.push_back(checks::permission_unmapped(lang));
    return out;
  }
  const auto access = host::check_node_access(root, *dev);
  out.push_back(checks::udev_check(host::check_udev_rules(root, node->vendor_id, node->product_id),
                                   access.readable_writable_by_us, lang));
  out.push_back(checks::permission_check(access, lang));
  out.push_back(checks::busy_check(host::find_holders(root, *dev), lang));
  return out;
}

}  // namespace cc::app
