#include "checks/host.hpp"

#include <cstdio>

#include "checks/check_result.hpp"
#include "findings/check_ids.hpp"
#include "findings/translations.hpp"

namespace cc::checks {

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

}  // namespace

rp::CheckResult on_bus_emulator(findings::Language lang) {
  return make_check(findings::kHostOnBus, tr(N_("device on the USB bus"), lang), rp::CHECK_SKIPPED,
                    tr(N_("an emulator or simulator endpoint, not a USB device"), lang));
}

rp::CheckResult on_bus_nothing(findings::Language lang) {
  auto c = make_check(findings::kHostOnBus, tr(N_("device on the USB bus"), lang), rp::CHECK_FAIL,
                      tr(N_("no USB device with a known vendor and product id"), lang));
  add_evidence(c, tr(N_("known wallets on USB"), lang), "0", "1 or more");
  return c;
}

rp::CheckResult on_bus_found(std::uint16_t vendor_id, std::uint16_t product_id, findings::Language lang) {
  auto c = make_check(findings::kHostOnBus, tr(N_("device on the USB bus"), lang), rp::CHECK_PASS);
  add_evidence(c, tr(N_("USB id"), lang), hex4(vendor_id) + ":" + hex4(product_id));
  return c;
}

rp::CheckResult udev_check(const host::UdevRulesCheck& rules, bool node_usable, findings::Language lang) {
  const bool grants = rules.found && (rules.uaccess || rules.plugdev);
  auto status = grants ? rp::CHECK_PASS : (node_usable ? rp::CHECK_WARN : rp::CHECK_FAIL);
  auto c = make_check(findings::kHostUdevRules, tr(N_("udev rules for this device"), lang), status, rules.detail);
  std::string files;
  for (const auto& f : rules.files) files += (files.empty() ? "" : ", ") + f;
  add_evidence(c, tr(N_("matching rule files"), lang), files.empty() ? tr(N_("none"), lang) : files,
               tr(N_("a rule with TAG+=\"uaccess\""), lang));
  add_evidence(c, tr(N_("uaccess"), lang), rules.uaccess ? tr(N_("yes"), lang) : tr(N_("no"), lang),
               tr(N_("yes"), lang));
  return c;
}

rp::CheckResult permission_check(const host::NodeAccess& access, findings::Language lang) {
  auto status = access.readable_writable_by_us ? rp::CHECK_PASS : rp::CHECK_FAIL;
  auto c = make_check(findings::kHostPermission, tr(N_("permission to open the device"), lang), status, access.detail);
  add_evidence(c, tr(N_("device node"), lang), access.node);
  if (access.exists) {
    add_evidence(c, tr(N_("mode, owner, group"), lang),
                 octal_mode(access.mode) + " " + access.owner + ":" + access.group,
                 tr(N_("readable and writable by the person at the seat"), lang));
  }
  add_evidence(c, tr(N_("access"), lang),
               access.readable_writable_by_us ? tr(N_("read/write"), lang) : tr(N_("denied"), lang),
               tr(N_("read/write"), lang));
  return c;
}

rp::CheckResult permission_unmapped(findings::Language lang) {
  return make_check(findings::kHostPermission, tr(N_("permission to open the device"), lang), rp::CHECK_ERROR,
                    tr(N_("could not map the device path to a /dev node"), lang));
}

rp::CheckResult busy_check(const host::HolderScan& scan, findings::Language lang) {
  std::string who;
  for (const auto& h : scan.holders) {
    who += (who.empty() ? "" : ", ") + (h.known_as.empty() ? h.program : h.known_as) + " (pid " +
           std::to_string(h.pid) + ")";
  }
  auto status = scan.holders.empty() ? (scan.partial ? rp::CHECK_WARN : rp::CHECK_PASS) : rp::CHECK_FAIL;
  std::string detail =
      scan.partial ? tr(N_("some processes could not be inspected; a holder may have been missed"), lang) : "";
  auto c = make_check(findings::kHostBusy, tr(N_("another program holding the device"), lang), status, detail);
  add_evidence(c, tr(N_("programs holding it"), lang), who.empty() ? tr(N_("none found"), lang) : who,
               tr(N_("none"), lang));
  return c;
}

}  // namespace cc::checks
