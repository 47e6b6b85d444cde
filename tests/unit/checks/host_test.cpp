#include "checks/host.hpp"

#include <gtest/gtest.h>

namespace cc::checks {
namespace {

namespace rp = ::coldcheck::report;
using findings::Language;

TEST(HostChecks, OnBus) {
  EXPECT_EQ(on_bus_emulator(Language::kEnglish).status(), rp::CHECK_SKIPPED);
  EXPECT_EQ(on_bus_nothing(Language::kEnglish).status(), rp::CHECK_FAIL);
  const auto found = on_bus_found(0x1209, 0x53c1, Language::kEnglish);
  EXPECT_EQ(found.id(), "host.on_bus");
  EXPECT_EQ(found.status(), rp::CHECK_PASS);
  EXPECT_EQ(found.evidence(0).observed(), "1209:53c1");
}

TEST(HostChecks, UdevRulesPassWarnFail) {
  host::UdevRulesCheck rules;
  EXPECT_EQ(udev_check(rules, true, Language::kEnglish).status(), rp::CHECK_WARN);
  EXPECT_EQ(udev_check(rules, false, Language::kEnglish).status(), rp::CHECK_FAIL);
  rules.found = true;
  rules.uaccess = true;
  rules.files = {"/etc/udev/rules.d/51-coldcheck.rules", "/lib/udev/rules.d/60-x.rules"};
  const auto c = udev_check(rules, false, Language::kEnglish);
  EXPECT_EQ(c.status(), rp::CHECK_PASS);
  EXPECT_EQ(c.evidence(0).observed(), "/etc/udev/rules.d/51-coldcheck.rules, /lib/udev/rules.d/60-x.rules");
  EXPECT_EQ(c.evidence(1).observed(), "yes");
}

TEST(HostChecks, PermissionShowsModeOwnerGroup) {
  host::NodeAccess a;
  a.node = "/dev/hidraw0";
  a.exists = true;
  a.mode = 0100600;
  a.owner = "root";
  a.group = "root";
  const auto denied = permission_check(a, Language::kEnglish);
  EXPECT_EQ(denied.status(), rp::CHECK_FAIL);
  EXPECT_EQ(denied.evidence(1).observed(), "0600 root:root");
  EXPECT_EQ(denied.evidence(2).observed(), "denied");
  a.readable_writable_by_us = true;
  EXPECT_EQ(permission_check(a, Language::kEnglish).status(), rp::CHECK_PASS);
  EXPECT_EQ(permission_unmapped(Language::kEnglish).status(), rp::CHECK_ERROR);
}

TEST(HostChecks, BusyNamesTheHolder) {
  host::HolderScan scan;
  EXPECT_EQ(busy_check(scan, Language::kEnglish).status(), rp::CHECK_PASS);
  scan.partial = true;
  EXPECT_EQ(busy_check(scan, Language::kEnglish).status(), rp::CHECK_WARN);
  host::Holder bridge;
  bridge.pid = 42;
  bridge.program = "trezord";
  bridge.known_as = "trezord (Trezor Bridge)";
  scan.holders.push_back(bridge);
  const auto c = busy_check(scan, Language::kEnglish);
  EXPECT_EQ(c.status(), rp::CHECK_FAIL);
  EXPECT_EQ(c.evidence(0).observed(), "trezord (Trezor Bridge) (pid 42)");
}

}  // namespace
}  // namespace cc::checks
