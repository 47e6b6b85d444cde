// `coldcheck diagnose` (the main job) and `coldcheck check-backup` (the same run with
// the guided backup check, and only its result printed).
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <optional>

#include "app/backup_offer.hpp"
#include "app/diagnose.hpp"
#include "app/publish_report.hpp"
#include "cli/console.hpp"
#include "cli/device_chooser.hpp"
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/store_option.hpp"
#include "core/error.hpp"
#include "core/utc_time.hpp"
#include "demo/demo_device.hpp"
#include "guard/secret_guard.hpp"
#include "render/terminal_text.hpp"
#include "report/install_key.hpp"
#include "report/install_signing.hpp"

namespace cc::cli {

namespace {

enum class Kind { kDiagnose, kCheckBackup };

po::options_description diagnosis_options(bool backup_command) {
  po::options_description desc("options");
  desc.add_options()("device,d", po::value<std::string>()->value_name("PATH"),
                     (std::string("device path: ") + kDevicePathSchemes +
                      " (default: the only device found; asks when there are several)")
                         .c_str());
  if (!backup_command) {
    desc.add_options()("demo", "diagnose the built-in simulator (no wallet needed)")(
        "scenario", po::value<std::string>()->default_value("healthy-safe3")->value_name("NAME"),
        "with --demo: which simulated device (coldcheck simulate --list-scenarios)")(
        "describe", po::value<std::string>()->value_name("TEXT"),
        "the problem in your own words (never your recovery words, PIN or passphrase)")(
        "check-backup", "also run the guided backup check (asked on a terminal; off otherwise)")(
        "no-check-backup", "do not offer the backup check");
  }
  desc.add_options()("yes,y", "do not ask before starting the backup check")(
      "words", po::value<unsigned>()->value_name("N"),
      "how many words the backup has (asked when not given); never the words themselves")(
      "wait", po::value<unsigned>()->default_value(600)->value_name("SECONDS"),
      "longest wait for you at the device during the backup check")(
      "out,o", po::value<std::string>()->value_name("FILE"), "write one report to FILE")(
      "format,f", po::value<std::string>()->value_name("FMT"),
      "text, json, html or pb (default: from --out's extension; without --out all four)")(
      "out-dir", po::value<std::string>()->default_value(".")->value_name("DIR"),
      "without --out: where the four report files go")("lang", po::value<std::string>()->value_name("LANG"),
                                                       "en or zh-CN (default: from LANG)")(
      "firmware-dir", po::value<std::string>()->value_name("DIR"),
      "release images, to check the device's firmware hash against")(
      "key", po::value<std::string>()->value_name("FILE"),
      "install key file (default: ~/.config/coldcheck/install.key)")(
      "bind",
      "have the device's secure element sign the report (Safe 3 / Safe 5), so `report verify` can show "
      "it was made with this genuine device present; this adds the device's certificate, a stable "
      "identifier of the device, to the report")(
      "sign",
      "sign the report with this install's own key (made on first use beside the install key), so a "
      "desk that knows this install's public key can tell its reports from edited or forged ones")("quiet,q",
                                                                                                   "no progress lines");
  add_catalog_option(desc);
  add_store_options(desc);
  add_device_io_options(desc);
  return desc;
}

// What the command line says about the run itself (device, firmware, binding, progress).
void apply_run_options(app::DiagnoseOptions& options, const po::variables_map& vm, findings::Language language) {
  options.device = device_path_option(vm);
  if (vm.count("firmware-dir")) options.firmware_dir = vm["firmware-dir"].as<std::string>();
  options.bind = vm.count("bind") > 0;
  options.demo = vm.count("demo") > 0;
  options.language = language;
  if (!vm.count("quiet")) options.progress = [](const std::string& line) { std::cerr << "… " << line << "\n"; };
}

// What the person at this terminal is asked, and whether the backup check runs.
void apply_person_options(app::DiagnoseOptions& options, const po::variables_map& vm, Console& console,
                          findings::Language language, bool backup_command) {
  if (isatty(STDIN_FILENO)) {
    options.choose = [&console, language](const ::coldcheck::DeviceList& list) {
      return choose_device(list, console, std::cerr, language);
    };
  }
  options.backup.language = language;
  options.backup.assume_yes = vm.count("yes") > 0;
  if (vm.count("words")) options.backup.word_count = vm["words"].as<unsigned>();
  options.backup.person_timeout = std::chrono::seconds(std::max(1u, vm["wait"].as<unsigned>()));
  options.person = &console;
  app::BackupOfferInputs offer_inputs;
  offer_inputs.requested = backup_command || vm.count("check-backup") > 0;
  offer_inputs.declined = vm.count("no-check-backup") > 0;
  offer_inputs.interactive = console.interactive();
  offer_inputs.demo = options.demo;
  const auto offer = app::decide_backup_offer(offer_inputs, language,
                                              [&](const std::string& question) { return console.confirm(question); });
  options.check_backup = offer.run;
  options.backup_not_run_reason = offer.not_run_reason;
}

// --demo: the built-in simulator stands in for the device while `demo_device` lives.
void start_demo(std::optional<demo::DemoDevice>& demo_device, const po::variables_map& vm,
                app::DiagnoseOptions& options) {
  if (!options.demo) return;
  const auto scenario = vm["scenario"].as<std::string>();
  demo_device.emplace(scenario);
  options.device = transport::parse_device_path(demo_device->endpoint());
  if (options.progress) {
    options.progress("demo: started the built-in simulator (" + scenario + ") on " + demo_device->endpoint());
  }
}

// Signs, writes, prints and stores the report; the exit code of the whole run.
int publish_diagnosis(const app::Diagnosis& diagnosis, const po::variables_map& vm,
                      const std::filesystem::path& key_path, bool backup_command, findings::Language language) {
  auto report = diagnosis.report;
  if (vm.count("sign")) report::InstallSigner::load_or_create(report::signing_key_path_beside(key_path)).sign(report);
  const auto files = app::report_files(
      vm.count("out") ? std::optional<std::filesystem::path>(vm["out"].as<std::string>()) : std::nullopt,
      vm.count("format") ? std::optional(vm["format"].as<std::string>()) : std::nullopt,
      vm["out-dir"].as<std::string>(), utc_now("%Y%m%d-%H%M%S"));
  const auto published = app::publish_report(report, files, !backup_command, language);
  if (!backup_command) std::cout << render::terminal_text(published.text) << "\n";
  if (diagnosis.backup) std::cout << "\n" << app::backup_outcome_line(*diagnosis.backup, language) << "\n";
  for (const auto& f : published.written) std::cout << "report written: " << f.string() << "\n";
  store_report(report, vm);
  if (!diagnosis.binding_note.empty()) std::cout << "device binding: " << diagnosis.binding_note << "\n";
  if (diagnosis.device_error) throw *diagnosis.device_error;  // after writing: the report says more
  if (backup_command && diagnosis.backup) {
    if (const auto failure = app::backup_failure(*diagnosis.backup)) return exit_code_for(*failure);
  }
  return 0;
}

int run_diagnosis(const std::vector<std::string>& args, Kind kind) {
  return guarded([&] {
    const bool backup_command = kind == Kind::kCheckBackup;
    const auto desc = diagnosis_options(backup_command);
    po::variables_map vm;
    const std::string usage = backup_command ? "[--device PATH] [--yes] [--words N] [--lang LANG] [--out FILE]"
                                             : "[--device PATH | --demo] [--describe TEXT] [--out FILE] [--format FMT]";
    if (!parse_options(backup_command ? "check-backup" : "diagnose", usage, desc, args, vm)) return 0;
    const DeviceIoScope device_io(vm, (backup_command ? "check-backup" : "diagnose"));
    const auto language = lang_option(vm);
    app::DiagnoseOptions options;
    if (vm.count("describe")) {
      options.description = clean_description(vm["describe"].as<std::string>());
      guard::require_clean(options.description, "--describe");  // before anything else happens
    }
    const auto key_path =
        vm.count("key") ? std::filesystem::path(vm["key"].as<std::string>()) : report::default_key_path();
    auto key = report::load_or_create_install_key(key_path);
    const report::Pseudonymizer pseudonymize(key);
    options.key_id = report::key_id(key);
    apply_run_options(options, vm, language);
    Console console;
    apply_person_options(options, vm, console, language, backup_command);
    std::optional<demo::DemoDevice> demo_device;
    start_demo(demo_device, vm, options);
    const auto diagnosis = app::diagnose(catalog_from(vm), options, pseudonymize);
    return publish_diagnosis(diagnosis, vm, key_path, backup_command, language);
  });
}

}  // namespace

int run_diagnose(const std::vector<std::string>& args) { return run_diagnosis(args, Kind::kDiagnose); }
int run_check_backup(const std::vector<std::string>& args) { return run_diagnosis(args, Kind::kCheckBackup); }

}  // namespace cc::cli
