#include "app/host_report.hpp"

#include <cstdio>

#include "host/host_checks.hpp"
#include "transport/device_path.hpp"

namespace cc::app {

namespace rp = ::coldcheck::report;

rp::CheckResult make_check(std::string id, std::string title, rp::CheckStatus status, std::string detail) {
  rp::CheckResult c;
  c.set_id(std::move(id));
  c.set_title(std::move(title));
  c.set_status(status);
  c.set_detail(std::move(detail));
  return c;
}

void add_evidence(rp::CheckResult& check, std::string name, std::string observed, std::string expected) {
  auto* e = check.add_evidence();
  e->set_name(std::move(name));
  e->set_observed(std::move(observed));
  e->set_expected(std::move(expected));
}

namespace {

std::string hex4(std::uint16_t v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04x", v);
  return buf;
}

std::string octal_mode(unsigned mode) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04o", mode & 07777u);
  return buf;
}

rp::CheckResult udev_check(const host::HostRoot& root, const enumerate::UsbNode& node, bool node_usable) {
  const auto rules = host::check_udev_rules(root, node.vendor_id, node.product_id);
  const bool grants = rules.found && (rules.uaccess || rules.plugdev);
  auto status = grants ? rp::CHECK_PASS : (node_usable ? rp::CHECK_WARN : rp::CHECK_FAIL);
  auto c = make_check("host.udev_rules", "udev rules for this device", status, rules.detail);
  std::string files;
  for (const auto& f : rules.files) files += (files.empty() ? "" : ", ") + f;
  add_evidence(c, "matching rule files", files.empty() ? "none" : files, "a rule with TAG+=\"uaccess\"");
  add_evidence(c, "uaccess", rules.uaccess ? "yes" : "no", "yes");
  return c;
}

rp::CheckResult permission_check(const host::NodeAccess& access) {
  auto status = access.readable_writable_by_us ? rp::CHECK_PASS : rp::CHECK_FAIL;
  auto c = make_check("host.permission", "permission to open the device", status, access.detail);
  add_evidence(c, "device node", access.node);
  if (access.exists) {
    add_evidence(c, "mode, owner, group", octal_mode(access.mode) + " " + access.owner + ":" + access.group,
                 "readable and writable by the person at the seat");
  }
  add_evidence(c, "access", access.readable_writable_by_us ? "read/write" : "denied",
               "read/write");
  return c;
}

rp::CheckResult busy_check(const host::HostRoot& root, const std::string& node) {
  const auto scan = host::find_holders(root, node);
  std::string who;
  for (const auto& h : scan.holders) {
    who += (who.empty() ? "" : ", ") + (h.known_as.empty() ? h.program : h.known_as) + " (pid " +
           std::to_string(h.pid) + ")";
  }
  auto status = scan.holders.empty() ? (scan.partial ? rp::CHECK_WARN : rp::CHECK_PASS) : rp::CHECK_FAIL;
  std::string detail = scan.partial ? "some processes could not be inspected; a holder may have been missed" : "";
  auto c = make_check("host.busy", "another program holding the device", status, detail);
  add_evidence(c, "programs holding it", who.empty() ? "none found" : who, "none");
  return c;
}

}  // namespace

std::vector<rp::CheckResult> host_check_results(Target target, const enumerate::UsbNode* node,
                                                const host::HostRoot& root) {
  std::vector<rp::CheckResult> out;
  if (target == Target::kEmulator) {
    out.push_back(make_check("host.on_bus", "device on the USB bus", rp::CHECK_SKIPPED,
                             "an emulator or simulator endpoint, not a USB device"));
    return out;
  }
  if (target == Target::kNone || node == nullptr) {
    auto c = make_check("host.on_bus", "device on the USB bus", rp::CHECK_FAIL,
                        "no USB device with a known vendor and product id");
    add_evidence(c, "known wallets on USB", "0", "1 or more");
    out.push_back(std::move(c));
    return out;
  }
  auto on_bus = make_check("host.on_bus", "device on the USB bus", rp::CHECK_PASS);
  add_evidence(on_bus, "USB id", hex4(node->vendor_id) + ":" + hex4(node->product_id));
  out.push_back(std::move(on_bus));

  const auto path = transport::parse_device_path(node->path);
  const auto dev = host::device_node_for(root, path.target, path.scheme == transport::Scheme::kWebUsb);
  if (!dev) {
    out.push_back(make_check("host.permission", "permission to open the device", rp::CHECK_ERROR,
                             "could not map the device path to a /dev node"));
    return out;
  }
  const auto access = host::check_node_access(root, *dev);
  out.push_back(udev_check(root, *node, access.readable_writable_by_us));
  out.push_back(permission_check(access));
  out.push_back(busy_check(root, *dev));
  return out;
}

}  // namespace cc::app
