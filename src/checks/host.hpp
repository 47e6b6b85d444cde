#pragma once
// Host checks as report check results (ids host.on_bus, host.udev_rules,
// host.permission, host.busy): pure functions over what the host layer found on this
// computer (rule files, the node's mode and ACLs, the programs holding it). Reading
// /etc, /dev and /proc stays in host/; app/ sequences it.
#include <cstdint>
#include <string>

#include "coldcheck/report.pb.h"
#include "findings/findings.hpp"
#include "host/host_checks.hpp"

namespace cc::checks {

// host.on_bus for an emulator endpoint: not a USB device, so skipped.
::coldcheck::report::CheckResult on_bus_emulator(findings::Language language);
// host.on_bus when nothing on USB matches a catalog id.
::coldcheck::report::CheckResult on_bus_nothing(findings::Language language);
// host.on_bus for the node being diagnosed.
::coldcheck::report::CheckResult on_bus_found(std::uint16_t vendor_id, std::uint16_t product_id,
                                              findings::Language language);

// host.udev_rules: a rule granting access passes; none is a warning when the node is
// usable anyway (root, a group the person is in), a failure otherwise.
::coldcheck::report::CheckResult udev_check(const host::UdevRulesCheck& rules, bool node_usable,
                                            findings::Language language);
// host.permission from the node's mode, owner, group and ACLs.
::coldcheck::report::CheckResult permission_check(const host::NodeAccess& access, findings::Language language);
// host.permission when the device path names no /dev node.
::coldcheck::report::CheckResult permission_unmapped(findings::Language language);
// host.busy: a holder fails; a partial scan with none found is a warning.
::coldcheck::report::CheckResult busy_check(const host::HolderScan& scan, findings::Language language);

}  // namespace cc::checks
