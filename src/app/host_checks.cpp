#include "app/host_checks.hpp"
#include "findings/check_ids.hpp"

#include <cstdio>

#include "host/host_checks.hpp"
#include "transport/device_path.hpp"

namespace cc::app {

namespace rp = ::coldcheck::report;
using findings::tr;

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

rp::CheckResult udev_check(const host::HostRoot& root, const enumerate::UsbNode& node, bool node_usable,
                           findings::Language lang) {
  const auto rules = host::check_udev_rules(root, node.vendor_id, node.product_id);
  const bool grants = rules.found && (rules.uaccess || rules.plugdev);
  auto status = grants ? rp::CHECK_PASS : (node_usable ? rp::CHECK_WARN : rp::CHECK_FAIL);
  auto c = make_check(findings::kHostUdevRules, tr("udev rules for this device", lang), status, rules.detail);
  std::string files;
  for (const auto& f : rules.files) files += (files.empty() ? "" : ", ") + f;
  add_evidence(c, tr("matching rule files", lang), files.empty() ? tr("none", lang) : files,
               tr("a rule with TAG+=\"uaccess\"", lang));
  add_evidence(c, tr("uaccess", lang), rules.uaccess ? tr("yes", lang) : tr("no", lang), tr("yes", lang));
  return c;
}

rp::CheckResult permission_check(const host::NodeAccess& access, findings::Language lang) {
  auto status = access.readable_writable_by_us ? rp::CHECK_PASS : rp::CHECK_FAIL;
  auto c = make_check(findings::kHostPermission, tr("permission to open the device", lang), status, access.detail);
  add_evidence(c, tr("device node", lang), access.node);
  if (access.exists) {
    add_evidence(c, tr("mode, owner, group", lang), octal_mode(access.mode) + " " + access.owner + ":" + access.group,
                 tr("readable and writable by the person at the seat", lang));
  }
  add_evidence(c, tr("access", lang), access.readable_writable_by_us ? tr("read/write", lang) : tr("denied", lang),
               tr("read/write", lang));
  return c;
}

rp::CheckResult busy_check(const host::HostRoot& root, const std::string& node, findings::Language lang) {
  const auto scan = host::find_holders(root, node);
  std::string who;
  for (const auto& h : scan.holders) {
    who += (who.empty() ? "" : ", ") + (h.known_as.empty() ? h.program : h.known_as) + " (pid " +
           std::to_string(h.pid) + ")";
  }
  auto status = scan.holders.empty() ? (scan.partial ? rp::CHECK_WARN : rp::CHECK_PASS) : rp::CHECK_FAIL;
  std::string detail =
      scan.partial ? tr("some processes could not be inspected; a holder may have been missed", lang) : "";
  auto c = make_check(findings::kHostBusy, tr("another program holding the device", lang), status, detail);
  add_evidence(c, tr("programs holding it", lang), who.empty() ? tr("none found", lang) : who, tr("none", lang));
  return c;
}

}  // namespace

std::vector<rp::CheckResult> host_check_results(Target target, const enumerate::UsbNode* node, findings::Language lang,
                                                const host::HostRoot& root) {
  std::vector<rp::CheckResult> out;
  if (target == Target::kEmulator) {
    out.push_back(make_check(findings::kHostOnBus, tr("device on the USB bus", lang), rp::CHECK_SKIPPED,
                             tr("an emulator or simulator endpoint, not a USB device", lang)));
    return out;
  }
  if (target == Target::kNone || node == nullptr) {
    auto c = make_check(findings::kHostOnBus, tr("device on the USB bus", lang), rp::CHECK_FAIL,
                        tr("no USB device with a known vendor and product id", lang));
    add_evidence(c, tr("known wallets on USB", lang), "0", "1 or more");
    out.push_back(std::move(c));
    return out;
  }
  auto on_bus = make_check(findings::kHostOnBus, tr("device on the USB bus", lang), rp::CHECK_PASS);
  add_evidence(on_bus, tr("USB id", lang), hex4(node->vendor_id) + ":" + hex4(node->product_id));
  out.push_back(std::move(on_bus));

  const auto path = transport::parse_device_path(node->path);
  const auto dev = host::device_node_for(root, path.target, path.scheme == transport::Scheme::kWebUsb);
  if (!dev) {
    out.push_back(make_check(findings::kHostPermission, tr("permission to open the device", lang), rp::CHECK_ERROR,
                             tr("could not map the device path to a /dev node", lang)));
    return out;
  }
  const auto access = host::check_node_access(root, *dev);
  out.push_back(udev_check(root, *node, access.readable_writable_by_us, lang));
  out.push_back(permission_check(access, lang));
  out.push_back(busy_check(root, *dev, lang));
  return out;
}

}  // namespace cc::app
