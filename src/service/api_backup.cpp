// The backup check from the page: the device does the work (words typed on its own
// screen, or picked on its grids); the page only relays what the flow asks and the
// typed answers WebPerson accepts. The report it ends with goes to the store.
#include <openssl/crypto.h>

#include <thread>

#include "app/backup_check.hpp"
#include "app/diagnose.hpp"
#include "core/error.hpp"
#include "report/install_key.hpp"
#include "i18n/catalog.hpp"
#include "service/api.hpp"
#include "service/error_words.hpp"
#include "service/http_status.hpp"
#include "service/json_body.hpp"
#include "service/json_out.hpp"
#include "service/api_jobs.hpp"
#include "service/web_person.hpp"
#include "store/store.hpp"

namespace cc::service {

namespace {

std::string_view verdict_name(app::BackupVerdict v) {
  switch (v) {
    case app::BackupVerdict::kMatches: return "matches";
    case app::BackupVerdict::kMismatch: return "mismatch";
    case app::BackupVerdict::kCancelled: return "cancelled";
    case app::BackupVerdict::kError: return "error";
    case app::BackupVerdict::kUnsupported: return "unsupported";
  }
  return "unknown";
}

findings::Language language_field(const JsonBody& body, findings::Language fallback) {
  const auto lang = body.string("language", 8);
  if (!lang) return fallback;
  if (*lang == "en") return findings::Language::kEnglish;
  if (*lang == "zh-CN") return findings::Language::kChineseSimplified;
  throw Error(ErrorCode::kInvalidArgument, N_("language: en or zh-CN"));
}

}  // namespace

const report::Pseudonymizer& Api::pseudonymizer() {
  const std::lock_guard lock(key_mutex_);
  if (!pseudonymize_) {
    auto key =
        report::load_or_create_install_key(options_.key_path.empty() ? report::default_key_path() : options_.key_path);
    pseudonymize_ = std::make_unique<report::Pseudonymizer>(key);
    key_id_ = report::key_id(key);
    OPENSSL_cleanse(key.data(), key.size());
  }
  return *pseudonymize_;
}

void Api::claim_device(const std::string& device) {
  const std::lock_guard lock(jobs_mutex_);
  if (!devices_in_use_.insert(device).second) throw Error(ErrorCode::kBusy, device + " is in use by another session");
}

void Api::release_device(const std::string& device) {
  const std::lock_guard lock(jobs_mutex_);
  devices_in_use_.erase(device);
}

std::shared_ptr<Api::BackupJob> Api::backup_job(const std::string& id) {
  const std::lock_guard lock(jobs_mutex_);
  const auto it = backups_.find(id);
  if (it == backups_.end()) throw Error(ErrorCode::kNotFound, N_("no such backup check"));
  return it->second;
}

ApiResponse Api::start_backup(const ApiRequest& request, const std::vector<std::string>&) {
  const JsonBody body(request.body, "device,language,words");
  const auto device = body.string("device", 256);
  if (!device) throw Error(ErrorCode::kInvalidArgument, N_("device: required (a path from /api/v1/devices)"));
  const auto path = transport::parse_device_path(*device);  // refuses what is not a device path
  auto job = std::make_shared<BackupJob>();
  job->id = random_hex(16);
  job->device = path.to_string();
  job->language = language_field(body, options_.language);
  if (const auto w = body.integer("words", 12, 33)) job->words = static_cast<std::uint32_t>(*w);
  pseudonymizer();
  for (const auto& s : engine().sessions.snapshot()) {
    const bool active = s.state == app::SessionState::kQueued || s.state == app::SessionState::kRunning;
    if (active && s.device_path == path.to_string())
      throw Error(ErrorCode::kBusy, job->device + " is in use by a diagnosis");
  }
  claim_device(path.to_string());
  job->person = std::make_unique<WebPerson>(hub_, "backup/" + job->id, options_.person_wait);
  {
    const std::lock_guard lock(jobs_mutex_);
    backups_.emplace(job->id, job);
  }
  job->thread = std::thread([this, job] { run_backup(job); });
  return ApiResponse{202, "application/json", "{\"id\":" + json_quote(job->id) + "}", {}, {}};
}

void Api::run_backup(const std::shared_ptr<BackupJob>& job) {
  const auto topic = "backup/" + job->id;
  std::string result;
  try {
    app::DiagnoseOptions o;
    o.device = transport::parse_device_path(job->device);
    o.language = job->language;
    o.key_id = key_id_;
    o.check_backup = true;
    o.person = job->person.get();
    o.backup.language = job->language;
    o.backup.word_count = job->words;
    o.backup.person_timeout = options_.person_wait;
    o.progress = [&](const std::string& line) { hub_.publish(topic, "step", "{\"text\":" + json_quote(line) + "}"); };
    const auto diagnosis = app::diagnose(catalog_, o, pseudonymizer());
    std::int64_t report_id = 0;
    if (options_.store) {
      const std::lock_guard lock(store_mutex_);
      report_id = store().put(diagnosis.report).id;
    }
    result = "{\"state\":\"done\"";
    if (diagnosis.backup) {
      result += ",\"verdict\":" + json_quote(verdict_name(diagnosis.backup->verdict)) +
                ",\"words\":" + std::to_string(diagnosis.backup->word_count) +
                ",\"line\":" + json_quote(app::backup_outcome_line(*diagnosis.backup, job->language));
    }
    if (diagnosis.device_error) {
      result += ",\"error\":" + error_json(*diagnosis.device_error, job->language);
    }
    if (report_id) result += ",\"report\":" + std::to_string(report_id);
    result += "}";
  } catch (const Error& e) {
    result = "{\"state\":\"failed\",\"error\":" + error_json(e, job->language) + "}";
  } catch (const std::exception&) {
    result = "{\"state\":\"failed\",\"error\":" + error_json("internal", N_("internal error"), job->language) + "}";
  }
  {
    const std::lock_guard lock(job->mutex);
    job->state = result.find("\"state\":\"done\"") != std::string::npos ? "done" : "failed";
    job->result_json = result;
  }
  release_device(job->device);
  hub_.publish(topic, "result", result);
}

ApiResponse Api::backup_status(const ApiRequest&, const std::vector<std::string>& captures) {
  const auto job = backup_job(captures.at(0));
  const std::lock_guard lock(job->mutex);
  if (job->state == "running") {
    return ApiResponse{
        200, "application/json", "{\"state\":\"running\",\"device\":" + json_quote(job->device) + "}", {}, {}};
  }
  return ApiResponse{200, "application/json", job->result_json, {}, {}};
}

ApiResponse Api::backup_events(const ApiRequest&, const std::vector<std::string>& captures) {
  const auto job = backup_job(captures.at(0));
  ApiResponse r;
  r.content_type = "text/event-stream";
  r.sse_topic = "backup/" + job->id;
  return r;
}

ApiResponse Api::backup_answer(const ApiRequest& request, const std::vector<std::string>& captures) {
  const auto job = backup_job(captures.at(0));
  const JsonBody body(request.body, "prompt,yes,positions,words,back,outcome");
  const auto prompt = body.integer("prompt", 1, 1'000'000);
  if (!prompt) throw Error(ErrorCode::kInvalidArgument, N_("prompt: required (the id from the ask or confirm event)"));
  PersonAnswer a;
  a.yes = body.boolean("yes");
  a.positions = body.string("positions", 9);
  a.words = body.integer("words", 12, 33);
  a.back = body.boolean("back").value_or(false);
  a.outcome = body.string("outcome", 16);
  job->person->answer(static_cast<std::uint64_t>(*prompt), std::move(a));
  return ApiResponse{200, "application/json", "{\"ok\":true}", {}, {}};
}

ApiResponse Api::cancel_backup(const ApiRequest&, const std::vector<std::string>& captures) {
  const auto job = backup_job(captures.at(0));
  job->person->cancel();
  return ApiResponse{202, "application/json", "{\"cancelling\":true}", {}, {}};
}

}  // namespace cc::service
