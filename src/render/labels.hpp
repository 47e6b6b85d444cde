#pragma once
// Every word a rendering shows that is not data: headings, status and severity words,
// verdict sentences, the anti-scam footer. The caller fills them in the report's
// language; a default-constructed Labels is English.
#include <string>
#include <vector>

namespace cc::render {

struct Labels {
  // Headings.
  std::string title = "Diagnosis report";  // shown after "coldcheck — "
  std::string verdict = "Verdict";
  std::string findings = "Findings";
  std::string what_to_do = "What to do";
  std::string device = "Device";
  std::string host_checks = "Host checks";
  std::string device_checks = "Device checks";
  std::string description = "The problem, in your words";
  std::string integrity = "Integrity";
  std::string about = "About this report";

  // Small words and phrases.
  std::string no_findings = "No problems found.";
  std::string not_intact = "Warning: this report is not intact; do not rely on it.";
  std::string no_checks = "None were run.";
  std::string no_device_facts = "No device was examined.";
  std::string observed = "observed";
  std::string expected = "expected";
  std::string description_refused = "Not included: it looked like it contained a secret";
  std::string demo = "Demo: made against the built-in simulator, not a real device.";
  std::string created_at = "Created";
  std::string tool_version = "coldcheck version";
  std::string catalog_version = "Device catalog";
  std::string catalog_date = "Catalog dated";
  std::string catalog_age = "Catalog age in days (when the report was made)";
  std::string key_id = "Install key id";
  std::string device_pseudonym = "Device pseudonym";
  std::string digest = "Digest";
  std::string install_signature = "Install signature (report verify checks it)";
  std::string yes = "yes";
  std::string no = "no";
  std::string unknown = "unknown";

  // Device facts.
  std::string fact_model = "Model";
  std::string fact_maker = "Maker";
  std::string fact_path = "Connection";
  std::string fact_mode = "Mode";
  std::string fact_firmware = "Firmware";
  std::string fact_bootloader = "Bootloader";
  std::string fact_firmware_vendor = "Firmware vendor";
  std::string fact_firmware_revision = "Firmware revision";
  std::string fact_bootloader_hash = "Bootloader hash";
  std::string fact_initialized = "Set up";
  std::string fact_pin = "PIN";
  std::string fact_passphrase = "Passphrase";
  std::string fact_wipe_code = "Wipe code";
  std::string fact_backup = "Backup";
  std::string fact_emulator = "Emulator";
  std::string fact_recovery = "Recovery in progress";
  std::string mode_firmware = "firmware";
  std::string mode_bootloader = "bootloader";
  std::string backup_required = "NOT BACKED UP";
  std::string backup_done = "done";
  std::string backup_repeatable = "done (can be shown again on the device)";
  std::string backup_unfinished = "UNFINISHED (interrupted)";
  std::string backup_disabled = "disabled at setup";

  // Check statuses.
  std::string status_pass = "pass";
  std::string status_warn = "warning";
  std::string status_fail = "FAIL";
  std::string status_skipped = "skipped";
  std::string status_unsupported = "not supported";
  std::string status_error = "error";

  // Finding severities.
  std::string severity_info = "info";
  std::string severity_advice = "advice";
  std::string severity_warning = "WARNING";
  std::string severity_critical = "CRITICAL";

  // Verdicts: a word and a sentence each.
  std::string verdict_ok = "OK";
  std::string verdict_ok_sentence = "No problems that need action were found.";
  std::string verdict_attention = "Attention";
  std::string verdict_attention_sentence =
      "Some things need your attention. Read the findings below, most urgent first.";
  std::string verdict_stop = "STOP";
  std::string verdict_stop_sentence =
      "Stop using this device or wallet for now and follow the first finding below before you do anything else.";
  std::string verdict_no_device = "No device";
  std::string verdict_no_device_sentence = "No device could be diagnosed. The host checks below may explain why.";
  std::string verdict_unknown = "Unknown";

  std::string footer =
      "coldcheck never asks for your recovery phrase, PIN or passphrase, and this report contains none of them. "
      "Anyone who asks you for them, even someone who says they are support, is trying to steal your coins.";
};

// Every label, for translating them all in one loop. A test checks none is missed.
inline std::vector<std::string*> all_label_fields(Labels& l) {
  return {
      &l.title,
      &l.verdict,
      &l.findings,
      &l.what_to_do,
      &l.device,
      &l.host_checks,
      &l.device_checks,
      &l.description,
      &l.integrity,
      &l.about,
      &l.no_findings,
      &l.not_intact,
      &l.no_checks,
      &l.no_device_facts,
      &l.observed,
      &l.expected,
      &l.description_refused,
      &l.demo,
      &l.created_at,
      &l.tool_version,
      &l.catalog_version,
      &l.catalog_date,
      &l.catalog_age,
      &l.key_id,
      &l.device_pseudonym,
      &l.digest,
      &l.install_signature,
      &l.yes,
      &l.no,
      &l.unknown,
      &l.fact_model,
      &l.fact_maker,
      &l.fact_path,
      &l.fact_mode,
      &l.fact_firmware,
      &l.fact_bootloader,
      &l.fact_firmware_vendor,
      &l.fact_firmware_revision,
      &l.fact_bootloader_hash,
      &l.fact_initialized,
      &l.fact_pin,
      &l.fact_passphrase,
      &l.fact_wipe_code,
      &l.fact_backup,
      &l.fact_emulator,
      &l.fact_recovery,
      &l.mode_firmware,
      &l.mode_bootloader,
      &l.backup_required,
      &l.backup_done,
      &l.backup_repeatable,
      &l.backup_unfinished,
      &l.backup_disabled,
      &l.status_pass,
      &l.status_warn,
      &l.status_fail,
      &l.status_skipped,
      &l.status_unsupported,
      &l.status_error,
      &l.severity_info,
      &l.severity_advice,
      &l.severity_warning,
      &l.severity_critical,
      &l.verdict_ok,
      &l.verdict_ok_sentence,
      &l.verdict_attention,
      &l.verdict_attention_sentence,
      &l.verdict_stop,
      &l.verdict_stop_sentence,
      &l.verdict_no_device,
      &l.verdict_no_device_sentence,
      &l.verdict_unknown,
      &l.footer,
  };
}

}  // namespace cc::render
