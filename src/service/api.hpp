#pragma once
// The routes under /api/v1/: a face over app/ and the store, no device or report logic of
// its own. Every handler returns a response; errors become our codes as HTTP + JSON.
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "app/device_sessions.hpp"
#include "catalog/catalog.hpp"
#include "enumerate/bus.hpp"
#include "findings/findings.hpp"
#include "report/pseudonym.hpp"
#include "service/access_policy.hpp"
#include "service/event_hub.hpp"
#include "service/secrets.hpp"
#include "store/location.hpp"
#include "transport/device_path.hpp"

namespace cc::store {
class Store;
}

namespace cc::service {

struct ApiRequest {
  std::string method;
  std::string path;                                       // without the query
  std::map<std::string, std::string, std::less<>> query;  // percent-decoded
  std::string body;
  Caller caller = Caller::kAnonymous;
  std::string accept_language;  // the Accept-Language header: the language of error messages
};

struct ApiResponse {
  unsigned status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string sse_topic;  // non-empty: the connection stays open and streams this topic
};

struct ServiceOptions {
  std::optional<store::Location> store;                        // none: the report routes answer 404
  std::vector<transport::DevicePath> emulators;                // probed with the USB devices
  findings::Language language = findings::Language::kEnglish;  // when a request names none
  std::filesystem::path key_path;  // the install key (pseudonyms in reports); empty: the default
  std::chrono::milliseconds person_wait{std::chrono::minutes(10)};  // longest wait for an answer
  std::filesystem::path reports_dir;  // where diagnoses leave their report files; empty: a temp dir
  bool watch_usb = true;              // hotplug from udev (off in tests)
};

// Splits "/a/b?x=1&y=%20" into path and decoded query. Throws Error{kInvalidArgument}
// for a bad percent escape or a NUL.
void split_target(std::string_view target, std::string& path, std::map<std::string, std::string, std::less<>>& query);

class Api {
 public:
  Api(const catalog::Catalog& catalog, ServiceOptions options, EventHub& hub, Sessions& sessions);
  ~Api();

  // Routes that touch a device or the store run on the worker threads.
  bool may_block(std::string_view method, std::string_view path) const;
  ApiResponse handle(const ApiRequest& request) noexcept;

  // Where the page is, for login URLs ("http://127.0.0.1:PORT").
  void set_base_url(std::string url) { base_url_ = std::move(url); }
  const std::string& base_url() const noexcept { return base_url_; }
  // A fresh one-time login URL.
  std::string login_url();

  // Starts the device watcher (devices SSE): lists devices every `period`. Stops in ~Api.
  void start_device_watch(std::chrono::milliseconds period);
  void stop_device_watch();

 private:
  using Handler = ApiResponse (Api::*)(const ApiRequest&, const std::vector<std::string>&);
  struct Route {
    std::string_view method;
    std::string_view pattern;  // segments; "*" matches one segment
    Handler handler;
    bool blocking;
  };
  static const std::vector<Route>& routes();
  static bool match(std::string_view pattern, std::string_view path, std::vector<std::string>& captures);

  ApiResponse health(const ApiRequest&, const std::vector<std::string>&);
  ApiResponse new_login(const ApiRequest&, const std::vector<std::string>&);
  ApiResponse statistics(const ApiRequest&, const std::vector<std::string>&);
  ApiResponse list_reports(const ApiRequest&, const std::vector<std::string>&);
  ApiResponse fetch_report(const ApiRequest&, const std::vector<std::string>&);
  ApiResponse list_devices(const ApiRequest&, const std::vector<std::string>&);
  ApiResponse device_events(const ApiRequest&, const std::vector<std::string>&);
  ApiResponse start_diagnosis(const ApiRequest&, const std::vector<std::string>&);
  ApiResponse list_diagnoses(const ApiRequest&, const std::vector<std::string>&);
  ApiResponse diagnosis_status(const ApiRequest&, const std::vector<std::string>&);
  ApiResponse diagnosis_events(const ApiRequest&, const std::vector<std::string>&);
  ApiResponse diagnosis_report(const ApiRequest&, const std::vector<std::string>&);
  ApiResponse cancel_diagnosis(const ApiRequest&, const std::vector<std::string>&);
  ApiResponse bench_start(const ApiRequest&, const std::vector<std::string>&);
  ApiResponse bench_stop(const ApiRequest&, const std::vector<std::string>&);
  ApiResponse bench_rows(const ApiRequest&, const std::vector<std::string>&);
  ApiResponse bench_events(const ApiRequest&, const std::vector<std::string>&);
  ApiResponse start_backup(const ApiRequest&, const std::vector<std::string>&);
  ApiResponse backup_status(const ApiRequest&, const std::vector<std::string>&);
  ApiResponse backup_events(const ApiRequest&, const std::vector<std::string>&);
  ApiResponse backup_answer(const ApiRequest&, const std::vector<std::string>&);
  ApiResponse cancel_backup(const ApiRequest&, const std::vector<std::string>&);

  struct BackupJob;
  std::shared_ptr<BackupJob> backup_job(const std::string& id);
  void run_backup(const std::shared_ptr<BackupJob>& job);
  // Claims `device` for one flow at a time; throws Error{kBusy} when it is taken.
  void claim_device(const std::string& device);
  void release_device(const std::string& device);
  const report::Pseudonymizer& pseudonymizer();
  // The one session engine (app::DeviceSessions), made on first use, with its watches.
  struct Engine;
  Engine& engine();
  void on_session_event(Engine& engine, const app::SessionEvent& event);

  findings::Language language_of(const ApiRequest& request) const;
  // For error messages: the request's lang, else Accept-Language, else the default; never throws.
  findings::Language error_language(const ApiRequest& request) const noexcept;
  store::Store& store();  // under store_mutex_; throws kNotFound when there is none

  const catalog::Catalog& catalog_;
  ServiceOptions options_;
  EventHub& hub_;
  Sessions& sessions_;
  std::string base_url_;
  std::mutex store_mutex_;
  std::unique_ptr<store::Store> store_;
  struct Watch;
  std::unique_ptr<Watch> watch_;
  std::mutex key_mutex_;
  std::unique_ptr<report::Pseudonymizer> pseudonymize_;
  std::string key_id_;
  std::mutex jobs_mutex_;
  std::map<std::string, std::shared_ptr<BackupJob>> backups_;
  std::set<std::string> devices_in_use_;
  // The devices every flow in this service is about to open: the session engine's flows,
  // and the backup checks; a listing must not probe them (a probe would race their I/O).
  std::vector<transport::DevicePath> idle_emulators();
  std::string devices_json();
  std::mutex bus_mutex_;
  std::unique_ptr<enumerate::UsbBus> bus_;  // shared with the engine, which holds what it opens
  enumerate::UsbBus& bus();
  std::mutex engine_mutex_;
  std::unique_ptr<Engine> engine_;
};

}  // namespace cc::service
