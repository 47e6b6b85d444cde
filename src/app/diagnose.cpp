// diagnose(): a pipeline of named steps (app/diagnose_steps.hpp), each making one section
// of the report, then redaction, the language-neutral form and the seal.
#include "app/diagnose.hpp"

#include "app/binding.hpp"
#include "app/devices.hpp"
#include "app/diagnose_steps.hpp"
#include "catalog/capabilities.hpp"
#include "core/error.hpp"
#include "core/utc_time.hpp"
#include "core/version.hpp"
#include "i18n/text.hpp"
#include "report/redact.hpp"
#include "report/seal.hpp"
#include "transport/device_path.hpp"

namespace cc::app {

namespace rp = ::coldcheck::report;

namespace steps {

Located locate(const catalog::Catalog& catalog, const DiagnoseOptions& options, UsbNodes& usb) {
  Located out;
  std::optional<transport::DevicePath> path = options.device;
  if (!path) {
    ListOptions listing;
    listing.access.opener = options.opener;
    listing.access.usb = &usb.get();
    const auto list = list_devices(catalog, listing);
    if (list.devices().empty()) return out;
    if (list.devices_size() > 1 && !options.choose) (void)pick_device(list);  // throws, listing them
    path = transport::parse_device_path(list.devices_size() > 1 ? options.choose(list) : list.devices(0).path());
  }
  out.path = path->to_string();
  out.device = path;
  if (path->scheme == transport::Scheme::kUdp || path->scheme == transport::Scheme::kTcp ||
      path->scheme == transport::Scheme::kReplay) {  // a replay has no USB node on this computer
    out.target = Target::kEmulator;
    return out;
  }
  out.target = Target::kUsb;
  for (const auto& n : usb.get()) {
    if (n.path == out.path) out.node = n;
  }
  if (!out.node) throw Error(ErrorCode::kNotFound, out.path + ": no known device at this path");
  return out;
}

rp::RunInfo run_section(const DiagnoseOptions& options) {
  rp::RunInfo run;
  run.set_tool_version(kVersion);
  run.set_created_at(utc_now("%Y-%m-%dT%H:%M:%SZ"));
  run.set_os_family("linux");
  run.set_pseudonym_key_id(options.key_id);
  run.set_language(std::string(findings::language_tag(options.language)));
  run.set_demo(options.demo);
  return run;
}

std::vector<rp::CheckResult> host_section(const Located& where, findings::Language language) {
  return host_check_results(where.target, where.node ? &*where.node : nullptr, language);
}

void findings_section(rp::Body& body, const DeviceStep& device, const DiagnoseOptions& options,
                      const catalog::Catalog& catalog) {
  findings::Inputs inputs;
  inputs.facts = device.facts ? &*device.facts : nullptr;
  inputs.host_checks.assign(body.host_checks().begin(), body.host_checks().end());
  if (body.has_device()) inputs.device_checks.assign(body.device().checks().begin(), body.device().checks().end());
  inputs.description_mentions_seed_request = findings::description_mentions_seed_request(options.description);
  inputs.demo = options.demo;
  inputs.device_silent = device.silent;
  const auto found = findings::evaluate(inputs, catalog, options.language);
  for (const auto& f : found) *body.add_findings() = f;
  body.set_verdict(findings::verdict(found, device.facts.has_value()));
}

std::string binding_step(rp::Report& report, const DeviceStep& device, const catalog::Catalog& catalog,
                         const Say& say) {
  const auto* model = device.facts ? catalog.find(device.facts->catalog_id()) : nullptr;
  const bool can_sign = device.driver != nullptr && model != nullptr &&
                        catalog::has_capability(*model, ::coldcheck::catalog::CAPABILITY_AUTHENTICATE_DEVICE);
  if (!can_sign) return "not bound: this device cannot sign the report";
  try {
    say("asking the device to sign the report");
    const auto& facts = *device.facts;
    const std::string internal_model =
        facts.internal_model().empty() ? catalog::default_internal_model(*model) : facts.internal_model();
    bind_report(report, *device.driver, internal_model);
    return check_binding(report).summary;
  } catch (const Error& e) {
    return std::string("not bound: ") + e.what();
  }
}

}  // namespace steps

Diagnosis diagnose(const catalog::Catalog& catalog, const DiagnoseOptions& options,
                   const report::Pseudonymizer& pseudonymize) {
  const steps::Say say = [&](const std::string& line) {
    if (options.stop.stop_requested()) throw Error(ErrorCode::kCancelled, "the diagnosis was cancelled");
    if (options.progress) options.progress(line);
  };
  rp::Body body;
  body.set_schema_version(rp::REPORT_SCHEMA_VERSION_2);
  *body.mutable_run() = steps::run_section(options);
  body.mutable_run()->set_catalog_version(catalog.info().version());
  body.mutable_run()->set_catalog_date(catalog.info().date());
  body.mutable_description()->set_text(options.description);

  std::optional<enumerate::UsbBus> own_bus;
  enumerate::Bus& bus = options.bus != nullptr ? *options.bus : own_bus.emplace(catalog);
  steps::UsbNodes usb(bus);
  say("looking for the device");
  const steps::Located where = steps::locate(catalog, options, usb);
  say("checking this computer");
  for (auto& c : steps::host_section(where, options.language)) *body.add_host_checks() = std::move(c);

  steps::DeviceStep device;
  if (where.target != Target::kNone) {
    device = steps::device_section(catalog, where, options, pseudonymize, usb, say);
    *body.mutable_device() = std::move(device.section);
  } else {
    device.error = Error(ErrorCode::kNotFound,
                         "no hardware wallet found: nothing on USB matches a known device (check the cable carries "
                         "data and plug in directly, not through an unpowered hub)");
  }

  say("working out findings");
  steps::findings_section(body, device, options, catalog);

  report::redact(body, pseudonymize);
  // v2: every translatable string gets its message id and arguments (Text), which is what
  // lets the report be shown in any language; the words of the run's language stay
  // beside them (remade from the Text, so the two always agree) for plain JSON readers.
  i18n::neutralize(body, options.language);
  i18n::localize(body, options.language);
  Diagnosis out{report::seal(std::move(body)), device.error, {}, std::move(device.backup)};
  if (options.bind) out.binding_note = steps::binding_step(out.report, device, catalog, say);
  return out;
}

}  // namespace cc::app
