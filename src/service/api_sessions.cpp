// Diagnoses and the bench, on the one session engine (app::DeviceSessions): exclusive per
// device, random ids, cancellable, released on unplug. This file only starts sessions,
// relays their events as SSE and shows their snapshots and reports.
#include <fstream>
#include <sstream>

#include "app/rendering.hpp"
#include "core/error.hpp"
#include "guard/secret_guard.hpp"
#include "i18n/catalog.hpp"
#include "report/format.hpp"
#include "service/api.hpp"
#include "service/api_jobs.hpp"
#include "service/error_words.hpp"
#include "service/http_status.hpp"
#include "service/json_body.hpp"
#include "service/json_out.hpp"
#include "store/store.hpp"

namespace cc::service {

namespace {

std::string verdict_name(::coldcheck::report::Verdict v) {
  switch (v) {
    case ::coldcheck::report::VERDICT_OK: return "ok";
    case ::coldcheck::report::VERDICT_ATTENTION: return "attention";
    case ::coldcheck::report::VERDICT_STOP: return "stop";
    case ::coldcheck::report::VERDICT_NO_DEVICE: return "no-device";
    default: return "";
  }
}

std::string info_json(const app::SessionInfo& i, std::int64_t report, findings::Language language) {
  std::string codes = "[";
  for (std::size_t k = 0; k < i.finding_codes.size(); ++k) codes += (k ? "," : "") + json_quote(i.finding_codes[k]);
  codes += "]";
  std::string out = "{\"id\":" + json_quote(i.id) + ",\"device\":" + json_quote(i.device_path) +
                    ",\"port\":" + json_quote(i.port) + ",\"model\":" + json_quote(i.model) +
                    ",\"state\":" + json_quote(app::to_string(i.state)) + ",\"step\":" + json_quote(i.step) +
                    ",\"progress\":" + std::to_string(i.progress) +
                    ",\"verdict\":" + json_quote(verdict_name(i.verdict)) + ",\"finding\":" + json_quote(i.finding) +
                    ",\"findings\":" + codes + ",\"held_by\":" + json_quote(i.held_by);
  if (i.error) {
    const std::string code(to_string(*i.error));
    out += ",\"error\":" + json_quote(code) + ",\"reason\":" + json_quote(error_words(code, i.reason, language));
  }
  if (report) out += ",\"report\":" + std::to_string(report);
  return out + "}";
}

std::string event_json(const app::SessionEvent& e, std::int64_t report) {
  std::string out = "{\"kind\":" + json_quote(app::to_string(e.kind)) + ",\"session\":" + json_quote(e.session_id) +
                    ",\"device\":" + json_quote(e.device_path) + ",\"port\":" + json_quote(e.port) +
                    ",\"model\":" + json_quote(e.model);
  using K = app::SessionEvent::Kind;
  if (e.kind == K::kStep) out += ",\"step\":" + json_quote(e.step) + ",\"progress\":" + std::to_string(e.progress);
  if (e.kind == K::kVerdict) {
    out += ",\"verdict\":" + json_quote(verdict_name(e.verdict)) + ",\"finding\":" + json_quote(e.finding) +
           ",\"held_by\":" + json_quote(e.held_by);
  }
  if (e.kind == K::kFailed)
    out += ",\"error\":" + json_quote(to_string(e.error)) + ",\"reason\":" + json_quote(e.reason);
  if (e.kind == K::kReleased) out += ",\"reason\":" + json_quote(e.reason);
  if (e.kind == K::kArrived || e.kind == K::kLeft || e.kind == K::kModeChanged) {
    out += ",\"access\":" + json_quote(e.access) + ",\"detail\":" + json_quote(e.detail);
  }
  if (report) out += ",\"report\":" + std::to_string(report);
  return out + "}";
}

std::optional<::coldcheck::report::Report> read_pb(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  ::coldcheck::report::Report report;
  if (!report.ParseFromIstream(&in)) return std::nullopt;
  return report;
}

}  // namespace

Api::Engine& Api::engine() {
  const std::lock_guard lock(engine_mutex_);
  if (engine_) return *engine_;
  app::SessionsOptions o;
  o.bus = &bus();
  o.pseudonymize = &pseudonymizer();
  o.key_id = key_id_;
  o.language = options_.language;
  if (options_.reports_dir.empty()) {
    std::string tmpl = (std::filesystem::temp_directory_path() / "coldcheck-serve-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) throw Error(ErrorCode::kIo, N_("cannot make a directory for reports"));
    options_.reports_dir = tmpl;
  }
  std::filesystem::create_directories(options_.reports_dir);
  o.out_dir = options_.reports_dir;
  o.formats = {report::Format::kPb};
  auto* self = this;
  auto holder = std::make_shared<Engine*>(nullptr);  // the engine, once made
  o.keep = [self, holder](const ::coldcheck::report::Report& sealed) {
    if (!self->options_.store) return;
    std::int64_t id = 0;
    try {
      const std::lock_guard store_lock(self->store_mutex_);
      id = self->store().put(sealed).id;
    } catch (const Error&) {
      return;  // the report file stands; the store is a convenience here
    }
    Engine& engine = **holder;
    const std::lock_guard engine_lock(engine.mutex);
    engine.report_of_digest[sealed.integrity().digest_hex()] = id;
  };
  engine_ = std::make_unique<Engine>(catalog_, std::move(o));
  *holder = engine_.get();
  Engine* engine = engine_.get();
  engine_->subscription =
      engine_->sessions.subscribe([this, engine](const app::SessionEvent& e) { on_session_event(*engine, e); });
  if (options_.watch_usb) {
    try {
      engine_->usb_watch = engine_->sessions.watch();
    } catch (const Error& e) {
      engine_->usb_watch_note = e.what();  // no udev here: USB arrivals show on the next list
    }
  }
  if (!options_.emulators.empty()) {
    engine_->emulator_watch = enumerate::watch_emulators(
        options_.emulators, [engine](const enumerate::BusEvent& e) { engine->sessions.on_bus_event(e); });
  }
  return *engine_;
}

void Api::on_session_event(Engine& engine, const app::SessionEvent& e) {
  using K = app::SessionEvent::Kind;
  std::int64_t report = 0;
  bool start_bench = false;
  {
    const std::lock_guard lock(engine.mutex);
    if (e.kind == K::kReportWritten) {
      for (const auto& path : e.reports) {
        if (const auto pb = read_pb(path)) {
          engine.file_of_session[e.session_id] = path;
          const auto it = engine.report_of_digest.find(pb->integrity().digest_hex());
          if (it != engine.report_of_digest.end()) engine.report_of_session[e.session_id] = it->second;
        }
      }
    }
    if (const auto it = engine.report_of_session.find(e.session_id); it != engine.report_of_session.end()) {
      report = it->second;
    }
    start_bench = engine.bench_on && e.kind == K::kArrived && e.session_id.empty();
  }
  const auto json = event_json(e, report);
  if (!e.session_id.empty()) hub_.publish("diagnosis/" + e.session_id, std::string(app::to_string(e.kind)), json);
  hub_.publish("bench", std::string(app::to_string(e.kind)), json);
  if (e.kind == K::kArrived || e.kind == K::kLeft || e.kind == K::kModeChanged) {
    hub_.publish("devices", std::string(app::to_string(e.kind)), json);
  }
  if (start_bench) {
    try {
      app::SessionRequest request;
      request.device = transport::parse_device_path(e.device_path);
      request.port = e.port;
      request.model = e.model;
      (void)engine.sessions.start_diagnosis(request);
    } catch (const Error&) {
      // busy or not a path we open: the bench row shows the device without a session
    }
  }
}

ApiResponse Api::start_diagnosis(const ApiRequest& request, const std::vector<std::string>&) {
  const JsonBody body(request.body, "device,description");
  const auto device = body.string("device", 256);
  if (!device) throw Error(ErrorCode::kInvalidArgument, N_("device: required (a path from /api/v1/devices)"));
  app::SessionRequest r;
  r.device = transport::parse_device_path(*device);
  r.description = body.string("description", 4000).value_or("");
  // Before anything else happens: a description holding a secret starts nothing.
  if (const auto found = guard::scan(r.description); found.kind != guard::SecretKind::kNone) {
    const auto lang = language_of(request);
    const auto message = lang == findings::Language::kChineseSimplified ? guard::anti_scam_message_zh(found.kind)
                                                                        : guard::anti_scam_message(found.kind);
    return ApiResponse{400, "application/json", error_json("secret", "description: " + message), {}, {}};
  }
  {
    const std::lock_guard lock(jobs_mutex_);
    if (devices_in_use_.contains(r.device.to_string())) {
      throw Error(ErrorCode::kBusy, r.device.to_string() + " is in use by a backup check");
    }
  }
  const auto id = engine().sessions.start_diagnosis(r);
  return ApiResponse{202, "application/json", "{\"id\":" + json_quote(id) + "}", {}, {}};
}

ApiResponse Api::list_diagnoses(const ApiRequest& request, const std::vector<std::string>&) {
  auto& e = engine();
  std::string out = "[";
  bool first = true;
  for (const auto& i : e.sessions.snapshot()) {
    std::int64_t report = 0;
    {
      const std::lock_guard lock(e.mutex);
      if (const auto it = e.report_of_session.find(i.id); it != e.report_of_session.end()) report = it->second;
    }
    out += (first ? "" : ",") + info_json(i, report, error_language(request));
    first = false;
  }
  return ApiResponse{200, "application/json", out + "]", {}, {}};
}

ApiResponse Api::diagnosis_status(const ApiRequest& request, const std::vector<std::string>& captures) {
  auto& e = engine();
  const auto info = e.sessions.find(captures.at(0));
  if (!info) throw Error(ErrorCode::kNotFound, N_("no such diagnosis"));
  std::int64_t report = 0;
  {
    const std::lock_guard lock(e.mutex);
    if (const auto it = e.report_of_session.find(info->id); it != e.report_of_session.end()) report = it->second;
  }
  return ApiResponse{200, "application/json", info_json(*info, report, error_language(request)), {}, {}};
}

ApiResponse Api::diagnosis_events(const ApiRequest&, const std::vector<std::string>& captures) {
  if (!engine().sessions.find(captures.at(0))) throw Error(ErrorCode::kNotFound, N_("no such diagnosis"));
  ApiResponse r;
  r.content_type = "text/event-stream";
  r.sse_topic = "diagnosis/" + captures.at(0);
  return r;
}

ApiResponse Api::diagnosis_report(const ApiRequest& request, const std::vector<std::string>& captures) {
  auto& e = engine();
  if (!e.sessions.find(captures.at(0))) throw Error(ErrorCode::kNotFound, N_("no such diagnosis"));
  std::filesystem::path file;
  {
    const std::lock_guard lock(e.mutex);
    // The path comes from the engine, never from the request.
    if (const auto it = e.file_of_session.find(captures.at(0)); it != e.file_of_session.end()) file = it->second;
  }
  const auto report = file.empty() ? std::nullopt : read_pb(file);
  if (!report) throw Error(ErrorCode::kNotFound, N_("this diagnosis has no report (yet)"));
  const auto fmt_it = request.query.find("format");
  const auto format = report::parse_format(fmt_it == request.query.end() ? "json" : fmt_it->second);
  static const std::map<report::Format, std::string> types = {{report::Format::kText, "text/plain; charset=utf-8"},
                                                              {report::Format::kJson, "application/json"},
                                                              {report::Format::kHtml, "text/html; charset=utf-8"},
                                                              {report::Format::kPb, "application/x-protobuf"}};
  return ApiResponse{
      200, types.at(format), app::render_report(*report, report::format_name(format), language_of(request)), {}, {}};
}

ApiResponse Api::cancel_diagnosis(const ApiRequest&, const std::vector<std::string>& captures) {
  auto& e = engine();
  if (!e.sessions.find(captures.at(0))) throw Error(ErrorCode::kNotFound, N_("no such diagnosis"));
  if (!e.sessions.cancel(captures.at(0))) {
    throw Error(ErrorCode::kInvalidArgument, N_("this diagnosis is not running any more"));
  }
  return ApiResponse{202, "application/json", "{\"cancelling\":true}", {}, {}};
}

ApiResponse Api::bench_start(const ApiRequest&, const std::vector<std::string>&) {
  auto& e = engine();
  {
    const std::lock_guard lock(e.mutex);
    e.bench_on = true;
  }
  std::string note = e.usb_watch_note.empty() ? "" : ",\"usb_hotplug\":" + json_quote(e.usb_watch_note);
  return ApiResponse{200, "application/json", "{\"bench\":\"on\"" + note + "}", {}, {}};
}

ApiResponse Api::bench_stop(const ApiRequest&, const std::vector<std::string>&) {
  auto& e = engine();
  const std::lock_guard lock(e.mutex);
  e.bench_on = false;
  return ApiResponse{200, "application/json", "{\"bench\":\"off\"}", {}, {}};
}

ApiResponse Api::bench_rows(const ApiRequest& request, const std::vector<std::string>& captures) {
  return list_diagnoses(request, captures);
}

ApiResponse Api::bench_events(const ApiRequest&, const std::vector<std::string>&) {
  (void)engine();
  ApiResponse r;
  r.content_type = "text/event-stream";
  r.sse_topic = "bench";
  return r;
}

}  // namespace cc::service
