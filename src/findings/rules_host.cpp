// CC-HOST-NOT-ON-BUS, CC-HOST-NO-ACCESS, CC-HOST-BUSY: why the device could not be
// reached. Only a host check with status CHECK_FAIL counts; pass, warn, skipped and the
// rest never raise a finding by themselves.
#include <algorithm>

#include "findings/rules.hpp"
#include "findings/check_ids.hpp"
#include "findings/translations.hpp"

namespace cc::findings {
namespace {

using ::coldcheck::report::CheckResult;
using ::coldcheck::report::Finding;

const CheckResult* find_check(const std::vector<CheckResult>& checks, std::string_view id) {
  const auto it = std::find_if(checks.begin(), checks.end(), [&](const CheckResult& c) { return c.id() == id; });
  return it == checks.end() ? nullptr : &*it;
}

bool failed(const CheckResult* check) { return check != nullptr && check->status() == ::coldcheck::report::CHECK_FAIL; }

std::string status_word(const CheckResult& check, const Emitter& emit) {
  switch (check.status()) {
    case ::coldcheck::report::CHECK_PASS: return emit.t(N_("pass"));
    case ::coldcheck::report::CHECK_WARN: return emit.t(N_("warning"));
    case ::coldcheck::report::CHECK_FAIL: return emit.t(N_("fail"));
    case ::coldcheck::report::CHECK_SKIPPED: return emit.t(N_("skipped"));
    case ::coldcheck::report::CHECK_UNSUPPORTED: return emit.t(N_("unsupported"));
    case ::coldcheck::report::CHECK_ERROR: return emit.t(N_("error"));
    default: return emit.t(N_("unknown"));
  }
}

// The check's own result line, then its evidence as it came (the host layer wrote it).
void copy_check(Finding& f, const CheckResult& check, const Emitter& emit) {
  emit.evidence(f, N_("host check"), check.id() + ": " + status_word(check, emit), emit.t(N_("pass")));
  for (const auto& e : check.evidence()) *f.add_evidence() = e;
}

}  // namespace

void host_rules(const Inputs& inputs, Emitter& emit) {
  const auto& checks = inputs.host_checks;
  // With a device read (an emulator, say), "nothing on USB" is not the problem.
  if (const auto* on_bus = find_check(checks, kHostOnBus); failed(on_bus) && inputs.facts == nullptr) {
    auto& f = emit.add("CC-HOST-NOT-ON-BUS");
    f.set_detail(emit.t(N_("No USB device with the ID of a known hardware wallet is connected to this computer.")));
    copy_check(f, *on_bus, emit);
  }
  if (const auto* permission = find_check(checks, kHostPermission); failed(permission)) {
    auto& f = emit.add("CC-HOST-NO-ACCESS");
    f.set_detail(
        emit.t(N_("The device is on USB, but opening it was refused for lack of permission. "
                  "On Linux this usually means the udev rules for it are not installed.")));
    copy_check(f, *permission, emit);
    const auto* udev = find_check(checks, kHostUdevRules);
    if (udev != nullptr && udev->status() != ::coldcheck::report::CHECK_PASS) copy_check(f, *udev, emit);
  }
  const auto* busy_check = find_check(checks, kHostBusy);
  const bool device_says_busy = inputs.facts != nullptr && inputs.facts->has_busy() && inputs.facts->busy();
  if (failed(busy_check) || device_says_busy) {
    auto& f = emit.add("CC-HOST-BUSY");
    f.set_detail(device_says_busy ? emit.t(N_("The device reports that it is busy with another program or task."))
                                  : emit.t(N_("Another program on this computer has the device open.")));
    if (failed(busy_check)) copy_check(f, *busy_check, emit);
    if (device_says_busy) emit.evidence(f, N_("device busy"), emit.yes_no(true), emit.yes_no(false));
  }
}

}  // namespace cc::findings
