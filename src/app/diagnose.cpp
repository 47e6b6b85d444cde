#include "app/diagnose.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <memory>

#include "app/devices.hpp"
#include "app/binding.hpp"
#include "app/genuineness.hpp"
#include "app/identify_only.hpp"
#include "app/host_report.hpp"
#include "app/ledger_device.hpp"
#include "core/version.hpp"
#include "core/error.hpp"
#include "core/utc_time.hpp"
#include "enumerate/enumerate.hpp"
#include "findings/translations.hpp"
#include "report/redact.hpp"
#include "report/seal.hpp"
#include "sim/simulator.hpp"
#include "transport/device_path.hpp"

namespace cc::app {

namespace rp = ::coldcheck::report;
using findings::tr;

namespace {

struct Located {
  Target target = Target::kNone;
  std::string path;
  std::optional<enumerate::UsbNode> node;
};

Located locate(const catalog::Catalog& catalog, const DiagnoseOptions& options, const std::string& demo_path) {
  Located out;
  if (!demo_path.empty()) {
    out.target = Target::kEmulator;
    out.path = demo_path;
    return out;
  }
  std::string path;
  if (options.device) {
    path = *options.device;
  } else {
    const auto list = list_devices(catalog, {});
    if (list.devices().empty()) return out;
    path = list.devices_size() > 1 && options.choose ? options.choose(list) : list.devices(0).path();
    if (list.devices_size() > 1 && !options.choose) (void)pick_device(list);  // throws, listing them
  }
  const auto parsed = transport::parse_device_path(path);
  out.path = parsed.to_string();
  if (parsed.scheme == transport::Scheme::kUdp || parsed.scheme == transport::Scheme::kTcp ||
      parsed.scheme == transport::Scheme::kReplay) {  // a replay has no USB node on this computer
    out.target = Target::kEmulator;
    return out;
  }
  out.target = Target::kUsb;
  for (auto& n : enumerate::scan_usb(catalog)) {
    if (n.path == out.path) out.node = std::move(n);
  }
  if (!out.node) throw Error(ErrorCode::kNotFound, out.path + ": no known device at this path");
  return out;
}

}  // namespace

Diagnosis diagnose(const catalog::Catalog& catalog, const DiagnoseOptions& options,
                   const report::Pseudonymizer& pseudonymize) {
  std::optional<Error> device_error;
  auto say = [&](const std::string& line) {
    if (options.progress) options.progress(line);
  };
  rp::Body body;
  body.set_schema_version(rp::REPORT_SCHEMA_VERSION);
  auto* run = body.mutable_run();
  run->set_tool_version(kVersion);
  run->set_created_at(utc_now("%Y-%m-%dT%H:%M:%SZ"));
  run->set_os_family("linux");
  run->set_pseudonym_key_id(options.key_id);
  run->set_language(std::string(findings::language_tag(options.language)));
  run->set_demo(options.demo);
  body.mutable_description()->set_text(options.description);

  std::unique_ptr<sim::Simulator> simulator;
  std::string demo_path;
  if (options.demo) {
    simulator = std::make_unique<sim::Simulator>(sim::builtin_scenario(options.demo_scenario));
    simulator->start();
    demo_path = "udp:127.0.0.1:" + std::to_string(simulator->port());
    say("demo: started the built-in simulator (" + options.demo_scenario + ") on " + demo_path);
  }

  say("looking for the device");
  const Located where = locate(catalog, options, demo_path);
  say("checking this computer");
  for (auto& c : host_check_results(where.target, where.node ? &*where.node : nullptr, options.language)) {
    *body.add_host_checks() = std::move(c);
  }

  std::optional<::coldcheck::DeviceFacts> facts;
  std::unique_ptr<drivers::TrezorDriver> driver;  // kept open for the binding at the end
  std::optional<BackupOutcome> backup;
  bool device_silent = false;
  if (where.target != Target::kNone) {
    say("reading the device at " + where.path);
    auto* device = body.mutable_device();
    try {
      auto opened = open_device(catalog, where.path);
      facts = std::move(opened.facts);
      driver = std::move(opened.driver);
      if (!facts->device_id().empty()) device->set_device_pseudonym(pseudonymize(report::kPseudonymDevice, facts->device_id()));
      facts->clear_device_id();
      *device->mutable_facts() = *facts;
      auto c = make_check("device.identify", tr("identify the device", options.language), rp::CHECK_PASS);
      add_evidence(c, tr("model", options.language),
                   facts->model_name().empty() ? tr("not in the catalog", options.language) : facts->model_name());
      *device->add_checks() = std::move(c);
      if (driver) {
        say("checking that the device and its firmware are genuine");
        GenuinenessOptions genuine;
        genuine.firmware_dir = options.firmware_dir;
        genuine.language = options.language;
        for (auto& check : genuineness_checks(*driver, *facts, catalog, genuine)) {
          *device->add_checks() = std::move(check);
        }
      } else if (opened.ledger) {
        for (auto& check : ledger_checks(*facts, options.language)) *device->add_checks() = std::move(check);
      } else {
        for (auto& check : identify_only_checks(*facts, options.language)) *device->add_checks() = std::move(check);
      }
    } catch (const Error& e) {
      device_error = e;
      device_silent = dynamic_cast<const DeviceSilent*>(&e) != nullptr;
      device->mutable_facts()->set_path(where.path);
      *device->add_checks() = make_check("device.identify", tr("identify the device", options.language), rp::CHECK_ERROR, e.what());
    }
    if (options.check_backup && options.person != nullptr && facts) {
      say("checking the recovery backup on the device");
      backup = check_backup(driver.get(), *facts, catalog, *options.person, options.backup);
      *device->add_checks() = backup_check_result(*backup, options.language);
    } else if (auto plan = facts ? plan_backup_check(*facts, catalog, options.language) : BackupPlan{};
               facts && plan.method == BackupMethod::kUnsupported) {
      BackupOutcome unsupported;
      unsupported.detail = std::move(plan.reason);
      *device->add_checks() = backup_check_result(unsupported, options.language);
    } else {
      const std::string why = !options.backup_not_run_reason.empty() ? options.backup_not_run_reason
                              : facts ? tr("not requested: run coldcheck check-backup, or diagnose --check-backup", options.language)
                                      : tr("the device could not be read", options.language);
      *device->add_checks() = backup_check_not_run(why, options.language);
    }
  }

  say("working out findings");
  findings::Inputs inputs;
  inputs.facts = facts ? &*facts : nullptr;
  inputs.host_checks.assign(body.host_checks().begin(), body.host_checks().end());
  if (body.has_device()) inputs.device_checks.assign(body.device().checks().begin(), body.device().checks().end());
  inputs.description_mentions_seed_request = findings::description_mentions_seed_request(options.description);
  inputs.demo = options.demo;
  inputs.device_silent = device_silent;
  const auto found = findings::evaluate(inputs, catalog, options.language);
  for (const auto& f : found) *body.add_findings() = f;
  body.set_verdict(findings::verdict(found, facts.has_value()));

  if (where.target == Target::kNone) {
    device_error = Error(ErrorCode::kNotFound,
                         "no hardware wallet found: nothing on USB matches a known device (check the cable carries "
                         "data and plug in directly, not through an unpowered hub)");
  }
  report::redact(body, pseudonymize);
  Diagnosis out{report::seal(std::move(body)), std::move(device_error), {}, std::move(backup)};
  if (options.bind) {
    const auto* model = facts ? catalog.find(facts->catalog_id()) : nullptr;
    const bool can_sign = driver && model != nullptr &&
                          std::count(model->capabilities().begin(), model->capabilities().end(),
                                     ::coldcheck::catalog::CAPABILITY_AUTHENTICATE_DEVICE) > 0;
    if (!can_sign) {
      out.binding_note = "not bound: this device cannot sign the report";
    } else {
      try {
        say("asking the device to sign the report");
        const std::string internal_model =
            facts->internal_model().empty() ? model->features_match().internal_model(0) : facts->internal_model();
        bind_report(out.report, *driver, internal_model);
        out.binding_note = check_binding(out.report).summary;
      } catch (const Error& e) {
        out.binding_note = std::string("not bound: ") + e.what();
      }
    }
  }
  return out;
}

}  // namespace cc::app
