#pragma once
// The Api's long-running parts (private to src/service): the device watcher and the
// backup checks in flight.
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "app/device_sessions.hpp"
#include "enumerate/bus.hpp"
#include "service/api.hpp"
#include "service/web_person.hpp"

namespace cc::service {

struct Api::Watch {
  std::mutex mutex;
  std::condition_variable wake;
  bool stop = false;
  // A device stream was opened: the watcher starts the session engine, whose udev and
  // emulator watches push arrivals and departures as they happen (the list alone is
  // only refreshed every period).
  bool engine_wanted = false;
  std::thread thread;
};

struct Api::BackupJob {
  std::string id;
  std::string device;
  findings::Language language = findings::Language::kEnglish;
  std::optional<std::uint32_t> words;
  std::unique_ptr<WebPerson> person;
  std::thread thread;
  std::mutex mutex;
  std::string state = "running";  // running, done, failed
  std::string result_json;        // once done or failed
};

// Members in this order: the callbacks of the sessions and watches use the maps, so
// those outlive them; the watches feed the sessions, so they end first.
struct Api::Engine {
  explicit Engine(const catalog::Catalog& catalog, app::SessionsOptions options)
      : sessions(catalog, std::move(options)) {}
  std::mutex mutex;
  bool bench_on = false;
  std::map<std::string, std::int64_t> report_of_session;  // session id -> store id
  std::map<std::string, std::int64_t> report_of_digest;   // from the keep callback
  std::map<std::string, std::filesystem::path> file_of_session;
  std::string usb_watch_note;  // why there is no USB hotplug, when there is none
  app::DeviceSessions sessions;
  app::DeviceSessions::Subscription subscription;
  std::unique_ptr<enumerate::Watch> usb_watch, emulator_watch;
};

}  // namespace cc::service
