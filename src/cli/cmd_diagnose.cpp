// `coldcheck diagnose` (the main job) and `coldcheck check-backup` (the same run with
// the guided backup check, and only its result printed).
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "app/diagnose.hpp"
#include "app/labels.hpp"
#include "cli/console.hpp"
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "core/error.hpp"
#include "guard/secret_guard.hpp"
#include "render/text.hpp"
#include "report/format.hpp"
#include "report/install_key.hpp"
#include "report/install_signing.hpp"
#include "report/write_atomic.hpp"

namespace cc::cli {

namespace {

// Several devices and a person at a terminal: ask which one.
std::string ask_which(const ::coldcheck::DeviceList& list) {
  std::cerr << "several devices found:\n";
  for (int i = 0; i < list.devices_size(); ++i) {
    std::cerr << "  " << (i + 1) << ") " << list.devices(i).path() << "  " << list.devices(i).model_name() << "\n";
  }
  std::cerr << "which one? [1-" << list.devices_size() << "] " << std::flush;
  std::string line;
  if (!std::getline(std::cin, line)) throw Error(ErrorCode::kCancelled, "no device chosen");
  try {
    const int n = std::stoi(line);
    if (n >= 1 && n <= list.devices_size()) return list.devices(n - 1).path();
  } catch (const std::exception&) {
  }
  // Never quote the line back: a person under stress may type anything here.
  throw Error(ErrorCode::kInvalidArgument,
              "that was not a number from the list (1-" + std::to_string(list.devices_size()) + "); nothing was chosen");
}

enum class Kind { kDiagnose, kCheckBackup };

std::string backup_verdict_line(const app::BackupOutcome& outcome, findings::Language lang) {
  using findings::tr;
  switch (outcome.verdict) {
    case app::BackupVerdict::kMatches: return tr("Backup check: MATCHES.", lang) + " " + outcome.detail;
    case app::BackupVerdict::kMismatch: return tr("Backup check: DOES NOT MATCH.", lang) + " " + outcome.detail;
    case app::BackupVerdict::kCancelled: return tr("Backup check: cancelled.", lang) + " " + outcome.detail;
    case app::BackupVerdict::kUnsupported: return tr("Backup check: not available.", lang) + " " + outcome.detail;
    case app::BackupVerdict::kError: break;
  }
  return tr("Backup check: could not finish.", lang) + " " + outcome.detail;
}

int run_diagnosis(const std::vector<std::string>& args, Kind kind) {
  return guarded([&] {
    const bool backup_command = kind == Kind::kCheckBackup;
    po::options_description desc("options");
    desc.add_options()("device,d", po::value<std::string>()->value_name("PATH"),
                       "device path (default: the only device found; asks when there are several)");
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
        "without --out: where the four report files go")(
        "lang", po::value<std::string>()->value_name("LANG"), "en or zh-CN (default: from LANG)")(
        "firmware-dir", po::value<std::string>()->value_name("DIR"),
        "release images, to check the device's firmware hash against")(
        "key", po::value<std::string>()->value_name("FILE"), "install key file (default: ~/.config/coldcheck/install.key)")(
        "bind", "have the device's secure element sign the report (Safe 3 / Safe 5), so `report verify` can show "
                "it was made with this genuine device present; this adds the device's certificate, a stable "
                "identifier of the device, to the report")(
        "sign", "sign the report with this install's own key (made on first use beside the install key), so a "
                "desk that knows this install's public key can tell its reports from edited or forged ones")(
        "quiet,q", "no progress lines");
    add_catalog_option(desc);
    po::variables_map vm;
    const std::string usage = backup_command ? "[--device PATH] [--yes] [--words N] [--lang LANG] [--out FILE]"
                                             : "[--device PATH | --demo] [--describe TEXT] [--out FILE] [--format FMT]";
    if (!parse_options(backup_command ? "check-backup" : "diagnose", usage, desc, args, vm)) return 0;
    const auto language = vm.count("lang") ? parse_lang_option(vm["lang"].as<std::string>())
                                           : findings::language_from_env();
    app::DiagnoseOptions options;
    if (vm.count("describe")) {
      options.description = vm["describe"].as<std::string>();
      guard::require_clean(options.description, "--describe");  // before anything else happens
    }
    const auto key_path = vm.count("key") ? std::filesystem::path(vm["key"].as<std::string>()) : report::default_key_path();
    auto key = report::load_or_create_install_key(key_path);
    const report::Pseudonymizer pseudonymize(key);
    options.key_id = report::key_id(key);
    if (vm.count("device")) options.device = vm["device"].as<std::string>();
    if (vm.count("firmware-dir")) options.firmware_dir = vm["firmware-dir"].as<std::string>();
    options.bind = vm.count("bind") > 0;
    options.demo = vm.count("demo") > 0;
    if (vm.count("scenario")) options.demo_scenario = vm["scenario"].as<std::string>();
    options.language = language;
    if (!vm.count("quiet")) options.progress = [](const std::string& line) { std::cerr << "… " << line << "\n"; };
    if (isatty(STDIN_FILENO)) options.choose = ask_which;

    Console console;
    options.backup.language = language;
    options.backup.assume_yes = vm.count("yes") > 0;
    if (vm.count("words")) options.backup.word_count = vm["words"].as<unsigned>();
    options.backup.person_timeout = std::chrono::seconds(std::max(1u, vm["wait"].as<unsigned>()));
    options.person = &console;
    if (backup_command || vm.count("check-backup")) {
      options.check_backup = true;
    } else if (vm.count("no-check-backup") || !console.interactive()) {
      options.backup_not_run_reason =
          findings::tr("not requested: run coldcheck check-backup, or diagnose --check-backup", language);
    } else if (options.demo) {
      options.backup_not_run_reason = findings::tr(
          "not offered in the demo: the built-in demo device has no screen to type on. Try it with "
          "`coldcheck simulate --screen --scenario backup-safe3` in a second terminal",
          language);
    } else {
      options.check_backup = console.confirm(findings::tr(
          "Also check your recovery backup on the device? You enter the words on the device, never here.",
          language));
      if (!options.check_backup) options.backup_not_run_reason = findings::tr("you chose not to run it", language);
    }

    const auto diagnosis = app::diagnose(catalog_from(vm), options, pseudonymize);
    auto report = diagnosis.report;
    if (vm.count("sign")) report::InstallSigner::load_or_create(report::signing_key_path_beside(key_path)).sign(report);

    // The last gate: a report that trips the guard is a bug, and is not written. The JSON
    // holds every data field and the text every string shown; HTML and pb add only
    // fixed markup (whose CSS would read as list words) or the same data in binary.
    for (const std::string format : {"json", "text"}) {
      const auto hit = guard::scan(app::render_report(report, format, language));
      if (hit.kind != guard::SecretKind::kNone) {
        throw Error(ErrorCode::kInternal, "the report tripped the secret guard (" +
                                              std::string(guard::category_name(hit.kind)) + "); not written");
      }
    }
    auto rendered = [&](const std::string& format) { return app::render_report(report, format, language); };

    std::vector<std::filesystem::path> written;
    if (vm.count("out")) {
      const std::filesystem::path out = vm["out"].as<std::string>();
      const auto format = vm.count("format") ? report::parse_format(vm["format"].as<std::string>())
                                             : report::format_from_extension(out);
      report::write_file_atomic(out, rendered(std::string(report::format_name(format))));
      written.push_back(out);
    } else {
      if (vm.count("format")) report::parse_format(vm["format"].as<std::string>());  // names a bad format
      const std::filesystem::path dir = vm["out-dir"].as<std::string>();
      const std::vector<std::pair<std::string, std::string>> formats = {
          {"text", ".txt"}, {"json", ".json"}, {"html", ".html"}, {"pb", ".pb"}};
      std::vector<report::RenderedFile> files;
      for (const auto& [format, ext] : formats) {
        if (vm.count("format") && vm["format"].as<std::string>() != format) continue;
        files.push_back({ext, rendered(format)});
      }
      written = report::write_report_set(dir, "coldcheck-report-", files);
    }
    if (!backup_command) std::cout << render::render_text(report, app::labels_for(language)) << "\n";
    if (diagnosis.backup) std::cout << "\n" << backup_verdict_line(*diagnosis.backup, language) << "\n";
    for (const auto& f : written) std::cout << "report written: " << f.string() << "\n";
    if (!diagnosis.binding_note.empty()) std::cout << "device binding: " << diagnosis.binding_note << "\n";
    if (diagnosis.device_error) throw *diagnosis.device_error;  // after writing: the report says more
    if (backup_command && diagnosis.backup) {
      switch (diagnosis.backup->verdict) {
        case app::BackupVerdict::kMatches: return 0;
        case app::BackupVerdict::kMismatch: return exit_code_for(ErrorCode::kVerificationFailed);
        case app::BackupVerdict::kCancelled: return exit_code_for(ErrorCode::kCancelled);
        case app::BackupVerdict::kUnsupported: return exit_code_for(ErrorCode::kUnsupported);
        case app::BackupVerdict::kError: return exit_code_for(diagnosis.backup->error.value_or(ErrorCode::kDeviceRefused));
      }
    }
    return 0;
  });
}

}  // namespace

int run_diagnose(const std::vector<std::string>& args) { return run_diagnosis(args, Kind::kDiagnose); }
int run_check_backup(const std::vector<std::string>& args) { return run_diagnosis(args, Kind::kCheckBackup); }

}  // namespace cc::cli
