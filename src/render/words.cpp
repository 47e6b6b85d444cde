#include "render/words.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>

#include "report/status_names.hpp"

namespace cc::render {

namespace rpt = ::coldcheck::report;

std::string status_word(rpt::CheckStatus status, const Labels& l) {
  switch (status) {
    case rpt::CHECK_PASS: return l.status_pass;
    case rpt::CHECK_WARN: return l.status_warn;
    case rpt::CHECK_FAIL: return l.status_fail;
    case rpt::CHECK_SKIPPED: return l.status_skipped;
    case rpt::CHECK_UNSUPPORTED: return l.status_unsupported;
    case rpt::CHECK_ERROR: return l.status_error;
    default: return l.unknown;
  }
}

std::string severity_word(rpt::Severity severity, const Labels& l) {
  switch (severity) {
    case rpt::SEVERITY_INFO: return l.severity_info;
    case rpt::SEVERITY_ADVICE: return l.severity_advice;
    case rpt::SEVERITY_WARNING: return l.severity_warning;
    case rpt::SEVERITY_CRITICAL: return l.severity_critical;
    default: return l.unknown;
  }
}

std::string verdict_word(rpt::Verdict verdict, const Labels& l) {
  switch (verdict) {
    case rpt::VERDICT_OK: return l.verdict_ok;
    case rpt::VERDICT_ATTENTION: return l.verdict_attention;
    case rpt::VERDICT_STOP: return l.verdict_stop;
    case rpt::VERDICT_NO_DEVICE: return l.verdict_no_device;
    default: return l.verdict_unknown;
  }
}

std::string verdict_sentence(rpt::Verdict verdict, const Labels& l) {
  switch (verdict) {
    case rpt::VERDICT_OK: return l.verdict_ok_sentence;
    case rpt::VERDICT_ATTENTION: return l.verdict_attention_sentence;
    case rpt::VERDICT_STOP: return l.verdict_stop_sentence;
    case rpt::VERDICT_NO_DEVICE: return l.verdict_no_device_sentence;
    default: return {};
  }
}

std::string mode_word(::coldcheck::DeviceMode mode, const Labels& l) {
  switch (mode) {
    case ::coldcheck::DEVICE_MODE_FIRMWARE: return l.mode_firmware;
    case ::coldcheck::DEVICE_MODE_BOOTLOADER: return l.mode_bootloader;
    default: return l.unknown;
  }
}

std::string backup_word(const ::coldcheck::DeviceFacts& f, const Labels& l) {
  std::string s;
  switch (f.backup()) {
    case ::coldcheck::BACKUP_STATE_REQUIRED: s = l.backup_required; break;
    case ::coldcheck::BACKUP_STATE_DONE: s = l.backup_done; break;
    case ::coldcheck::BACKUP_STATE_REPEATABLE: s = l.backup_repeatable; break;
    case ::coldcheck::BACKUP_STATE_UNFINISHED: s = l.backup_unfinished; break;
    case ::coldcheck::BACKUP_STATE_DISABLED: s = l.backup_disabled; break;
    default: break;
  }
  if (!s.empty() && !f.backup_type().empty()) s += " (" + f.backup_type() + ")";
  return s;
}

std::string status_class(rpt::CheckStatus status) {
  // The page styles an unspecified status as unknown.
  const auto name = report::check_status_name(status);
  return name == "unspecified" ? "unknown" : std::string(name);
}

std::string severity_class(rpt::Severity severity) {
  switch (severity) {
    case rpt::SEVERITY_INFO: return "info";
    case rpt::SEVERITY_ADVICE: return "advice";
    case rpt::SEVERITY_WARNING: return "warning";
    case rpt::SEVERITY_CRITICAL: return "critical";
    default: return "unknown";
  }
}

std::string verdict_class(rpt::Verdict verdict) {
  switch (verdict) {
    case rpt::VERDICT_OK: return "ok";
    case rpt::VERDICT_ATTENTION: return "attention";
    case rpt::VERDICT_STOP: return "stop";
    case rpt::VERDICT_NO_DEVICE: return "no-device";
    default: return "unknown";
  }
}

namespace {

void add(std::vector<std::pair<std::string, std::string>>& rows, const std::string& label, const std::string& value) {
  if (!value.empty()) rows.emplace_back(label, value);
}

std::string yes_no(bool has, bool value, const Labels& l) {
  if (!has) return {};
  return value ? l.yes : l.no;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> fact_rows(const rpt::DeviceSection& device, const Labels& l) {
  std::vector<std::pair<std::string, std::string>> rows;
  const ::coldcheck::DeviceFacts& f = device.facts();
  std::string model = f.model_name();
  if (model.empty()) model = f.protocol_model();
  add(rows, l.fact_model, model);
  add(rows, l.fact_maker, f.maker());
  add(rows, l.fact_path, f.path());
  add(rows, l.device_pseudonym, device.device_pseudonym());
  if (f.mode() != ::coldcheck::DEVICE_MODE_UNKNOWN) add(rows, l.fact_mode, mode_word(f.mode(), l));
  add(rows, l.fact_firmware, f.firmware_version());
  add(rows, l.fact_bootloader, f.bootloader_version());
  add(rows, l.fact_firmware_vendor, f.firmware_vendor());
  add(rows, l.fact_firmware_revision, f.firmware_revision());
  add(rows, l.fact_bootloader_hash, f.bootloader_hash());
  add(rows, l.fact_initialized, yes_no(f.has_initialized(), f.initialized(), l));
  add(rows, l.fact_pin, yes_no(f.has_pin_protection(), f.pin_protection(), l));
  add(rows, l.fact_passphrase, yes_no(f.has_passphrase_protection(), f.passphrase_protection(), l));
  add(rows, l.fact_wipe_code, yes_no(f.has_wipe_code_protection(), f.wipe_code_protection(), l));
  add(rows, l.fact_backup, backup_word(f, l));
  if (f.recovery_in_progress()) add(rows, l.fact_recovery, l.yes);
  if (f.emulator()) add(rows, l.fact_emulator, l.yes);
  return rows;
}

std::vector<const rpt::Finding*> findings_in_order(const rpt::Body& body) {
  std::vector<const rpt::Finding*> out;
  for (const auto& f : body.findings()) out.push_back(&f);
  std::stable_sort(out.begin(), out.end(), [](const rpt::Finding* a, const rpt::Finding* b) {
    const auto key = [](const rpt::Finding* f) { return f->urgency() == 0 ? UINT32_MAX : f->urgency(); };
    if (key(a) != key(b)) return key(a) < key(b);
    if (a->severity() != b->severity()) return a->severity() > b->severity();
    return a->code() < b->code();
  });
  return out;
}

// Whole days from the catalog's date to the report's (both start YYYY-MM-DD); empty
// when either is missing or not a date.
std::string catalog_age_days(const std::string& catalog_date, const std::string& created_at) {
  const auto day = [](const std::string& text) -> std::optional<std::chrono::sys_days> {
    int y = 0;
    unsigned m = 0, d = 0;
    if (text.size() < 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::sys_days{ymd};
  };
  const auto from = day(catalog_date);
  const auto to = day(created_at);
  if (!from || !to) return {};
  return std::to_string((*to - *from).count());
}

std::vector<std::pair<std::string, std::string>> about_rows(const ::coldcheck::report::Report& report,
                                                            const Labels& l) {
  const auto& run = report.body().run();
  std::vector<std::pair<std::string, std::string>> rows;
  const auto add = [&](const std::string& k, const std::string& v) {
    if (!v.empty()) rows.emplace_back(k, v);
  };
  add(l.created_at, run.created_at());
  add(l.tool_version, run.tool_version());
  add(l.catalog_version, run.catalog_version());
  add(l.catalog_date, run.catalog_date());
  add(l.catalog_age, catalog_age_days(run.catalog_date(), run.created_at()));
  add(l.key_id, run.pseudonym_key_id());
  add(l.integrity, report.integrity().algorithm());
  add(l.digest, report.integrity().digest_hex());
  // The key id only: the public key itself is in the data (JSON, pb, the page's block).
  if (report.has_install_signature()) {
    add(l.install_signature, report.install_signature().key_id() + " (" + report.install_signature().algorithm() + ")");
  }
  return rows;
}

}  // namespace cc::render
