#pragma once
// The main job: find the device, run every check the tool has, turn the results into
// findings, and return a redacted, sealed report. Pure orchestration over the layers.
#include <filesystem>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>

#include "app/backup_check.hpp"
#include "app/devices.hpp"
#include "app/person.hpp"
#include "catalog/catalog.hpp"
#include "coldcheck/report.pb.h"
#include "core/error.hpp"
#include "enumerate/bus.hpp"
#include "findings/findings.hpp"
#include "report/pseudonym.hpp"
#include "transport/device_path.hpp"

namespace cc::app {

struct DiagnoseOptions {
  std::optional<transport::DevicePath> device;  // parsed by the face; empty: find the one device
  // The device is the built-in demo (its endpoint in `device`): recorded in the report.
  bool demo = false;
  std::string description;                            // the person's own words; already passed the guard
  std::optional<std::filesystem::path> firmware_dir;  // release images for the firmware hash check
  bool bind = false;  // have the device sign the report (adds its certificate, an identifier)
  findings::Language language = findings::Language::kEnglish;
  std::string key_id;                                // install key id, recorded in the report
  std::function<void(const std::string&)> progress;  // one line per step
  // Picks one of several devices (e.g. by asking the person); returns its path.
  std::function<std::string(const ::coldcheck::DeviceList&)> choose;
  // The guided backup check, with `person` answering its questions. Off: the report
  // lists it as not run, with `backup_not_run_reason`.
  bool check_backup = false;
  Person* person = nullptr;
  BackupCheckOptions backup;
  std::string backup_not_run_reason;
  // How devices are reached: the opener for every transport (null: the system's), and
  // the USB bus (null: one for this call). USB is scanned at most once per diagnosis.
  transport::Opener* opener = nullptr;
  enumerate::Bus* bus = nullptr;
  // A stop request ends the run at its next step with Error{kCancelled}.
  std::stop_token stop;
};

struct Diagnosis {
  ::coldcheck::report::Report report;
  // Why no device could be read, when none could: the report is still worth writing
  // (its host checks explain a lot), and the caller still fails with this.
  std::optional<Error> device_error;
  std::string binding_note;             // with DiagnoseOptions::bind: what became of the binding
  std::optional<BackupOutcome> backup;  // when the backup check ran
};

Diagnosis diagnose(const catalog::Catalog& catalog, const DiagnoseOptions& options,
                   const report::Pseudonymizer& pseudonymize);

}  // namespace cc::app
