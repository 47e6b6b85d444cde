#include "sample_body.hpp"

#include <stdlib.h>

#include <stdexcept>
#include <string>
#include <system_error>

namespace cc::test {

namespace rpt = ::coldcheck::report;

namespace {

void evidence(google::protobuf::RepeatedPtrField<rpt::Evidence>* list, const std::string& name,
              const std::string& observed, const std::string& expected) {
  auto* e = list->Add();
  e->set_name(name);
  e->set_observed(observed);
  e->set_expected(expected);
}

rpt::CheckResult* check(google::protobuf::RepeatedPtrField<rpt::CheckResult>* list, const std::string& id,
                        const std::string& title, rpt::CheckStatus status) {
  auto* c = list->Add();
  c->set_id(id);
  c->set_title(title);
  c->set_status(status);
  return c;
}

}  // namespace

rpt::Body sample_body() {
  rpt::Body body;
  body.set_schema_version(rpt::REPORT_SCHEMA_VERSION);
  auto* run = body.mutable_run();
  run->set_tool_version("0.1.0");
  run->set_created_at("2026-11-21T20:00:00Z");
  run->set_os_family("linux");
  run->set_pseudonym_key_id("1a2b3c4d");
  run->set_language("en");
  run->set_demo(true);

  auto* udev = check(body.mutable_host_checks(), "host.udev_rules", "udev rules for Trezor devices", rpt::CHECK_PASS);
  evidence(udev->mutable_evidence(), "rules file", "present", "present");
  auto* holders = check(body.mutable_host_checks(), "host.holders", "Other programs using the device", rpt::CHECK_WARN);
  holders->set_detail("A browser tab may be holding the device.\nClose other wallet apps and try again.");

  auto* device = body.mutable_device();
  device->set_device_pseudonym("dev-0123456789ab");
  auto* f = device->mutable_facts();
  f->set_path("udp:port-a1b2c3d4e5f6");
  f->set_catalog_id("trezor-one");
  f->set_model_name("Trezor Model One");
  f->set_maker("Trezor");
  f->set_protocol_vendor("trezor.io");
  f->set_protocol_model("1");
  f->set_mode(::coldcheck::DEVICE_MODE_FIRMWARE);
  f->set_firmware_version("1.8.3");
  f->set_bootloader_version("1.8.0");
  f->set_firmware_revision("0123abcd");
  f->set_initialized(true);
  f->set_pin_protection(false);
  f->set_passphrase_protection(false);
  f->set_backup(::coldcheck::BACKUP_STATE_REQUIRED);
  f->set_backup_type("bip39");
  f->add_capabilities("bitcoin");
  f->set_emulator(true);
  f->set_message_table("trezor");

  auto* fw = check(device->mutable_checks(), "fw.version", "Firmware is up to date", rpt::CHECK_FAIL);
  evidence(fw->mutable_evidence(), "firmware version", "1.8.3", ">= 1.12.1 (latest in catalog)");
  check(device->mutable_checks(), "backup.state", "Recovery backup was made", rpt::CHECK_FAIL);
  check(device->mutable_checks(), "security.pin", "PIN is set", rpt::CHECK_WARN);
  check(device->mutable_checks(), "auth.genuine", "Device authenticity", rpt::CHECK_UNSUPPORTED)
      ->set_detail("The Trezor Model One has no authenticity check.");

  auto* outdated = body.add_findings();
  outdated->set_code("CC-FW-OUTDATED");
  outdated->set_severity(rpt::SEVERITY_WARNING);
  outdated->set_urgency(2);
  outdated->set_title("The firmware is outdated");
  outdated->set_detail("This device runs firmware 1.8.3; 1.12.1 is the latest.");
  outdated->set_remediation("Update the firmware with the official app, after your backup is safe.");
  evidence(outdated->mutable_evidence(), "firmware version", "1.8.3", ">= 1.12.1");

  auto* backup = body.add_findings();
  backup->set_code("CC-BACKUP-MISSING");
  backup->set_severity(rpt::SEVERITY_CRITICAL);
  backup->set_urgency(1);
  backup->set_title("No recovery backup was ever made");
  backup->set_detail("If this device breaks or is lost, the coins on it are gone.");
  backup->set_remediation("Make the backup on the device now, and write the words on paper only.");

  auto* pin = body.add_findings();
  pin->set_code("CC-PIN-OFF");
  pin->set_severity(rpt::SEVERITY_ADVICE);
  pin->set_urgency(3);
  pin->set_title("No PIN is set");
  pin->set_remediation("Set a PIN on the device.");

  body.mutable_description()->set_text("The balance is gone after I updated the app.");
  body.set_verdict(rpt::VERDICT_STOP);
  return body;
}

rpt::Body sample_body_after_update() {
  rpt::Body body = sample_body();
  body.mutable_run()->set_created_at("2026-11-22T09:30:00Z");
  body.mutable_device()->mutable_facts()->set_firmware_version("1.12.1");
  body.mutable_device()->mutable_facts()->set_pin_protection(true);
  auto* checks = body.mutable_device()->mutable_checks();
  for (auto& c : *checks) {
    if (c.id() == "fw.version" || c.id() == "security.pin") c.set_status(rpt::CHECK_PASS);
  }
  auto* findings = body.mutable_findings();
  for (int i = findings->size() - 1; i >= 0; --i) {
    const std::string& code = findings->Get(i).code();
    if (code == "CC-FW-OUTDATED" || code == "CC-PIN-OFF") findings->DeleteSubrange(i, 1);
  }
  auto* added = body.add_findings();
  added->set_code("CC-PASSPHRASE-INFO");
  added->set_severity(rpt::SEVERITY_INFO);
  added->set_urgency(4);
  added->set_title("Passphrase is off");
  return body;
}

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string templ = std::string(base != nullptr && base[0] == '/' ? base : "/tmp") + "/cc-report-test-XXXXXX";
  if (::mkdtemp(templ.data()) == nullptr) throw std::system_error(errno, std::generic_category(), "mkdtemp");
  path_ = templ;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
  std::filesystem::remove_all(path_, ec);
}

}  // namespace cc::test
