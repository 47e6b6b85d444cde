// Devices: the list (USB plus the configured emulator endpoints) and a stream of it:
// a watcher lists devices on a period and publishes the list when it changed, so a
// page sees arrivals, departures and state changes without asking. Once a stream is
// open the watcher also starts the session engine, whose bus watches send arrivals and
// departures at once instead of at the next period.
#include <condition_variable>
#include <set>
#include <thread>

#include "app/devices.hpp"
#include "service/api.hpp"
#include "service/json_out.hpp"
#include "service/api_jobs.hpp"

namespace cc::service {

enumerate::UsbBus& Api::bus() {
  const std::lock_guard lock(bus_mutex_);
  if (!bus_) bus_ = std::make_unique<enumerate::UsbBus>(catalog_);
  return *bus_;
}

std::vector<transport::DevicePath> Api::idle_emulators() {
  std::set<std::string> busy;
  {
    const std::lock_guard lock(jobs_mutex_);
    busy = devices_in_use_;
  }
  {
    const std::lock_guard lock(engine_mutex_);
    if (engine_) {
      for (const auto& s : engine_->sessions.snapshot()) {
        if (s.state == app::SessionState::kQueued || s.state == app::SessionState::kRunning) busy.insert(s.device_path);
      }
    }
  }
  std::vector<transport::DevicePath> idle;
  for (const auto& e : options_.emulators) {
    if (!busy.contains(e.to_string())) idle.push_back(e);
  }
  return idle;
}

std::string Api::devices_json() {
  app::ListOptions options;
  options.emulators = idle_emulators();
  // The bus's scan leaves the devices a session holds alone (they come back as remembered).
  const auto nodes = bus().scan();
  options.access.usb = &nodes;
  return message_json(app::list_devices(catalog_, options));
}

ApiResponse Api::list_devices(const ApiRequest&, const std::vector<std::string>&) {
  return ApiResponse{200, "application/json", devices_json(), {}, {}};
}

ApiResponse Api::device_events(const ApiRequest&, const std::vector<std::string>&) {
  if (watch_) {  // the engine is started off this (network) thread
    {
      const std::lock_guard lock(watch_->mutex);
      watch_->engine_wanted = true;
    }
    watch_->wake.notify_all();
  }
  ApiResponse response;
  response.content_type = "text/event-stream";
  response.sse_topic = "devices";
  return response;
}

void Api::start_device_watch(std::chrono::milliseconds period) {
  if (watch_) return;
  watch_ = std::make_unique<Watch>();
  watch_->thread = std::thread([this, period] {
    std::string last;
    bool engine_started = false;
    std::unique_lock lock(watch_->mutex);
    while (!watch_->stop) {
      lock.unlock();
      std::string now;
      try {
        now = devices_json();
      } catch (const std::exception&) {
        now.clear();  // a failed scan is not a departure; try again next period
      }
      if (!now.empty() && now != last) {
        hub_.publish_state("devices", "devices", now);
        last = std::move(now);
      }
      lock.lock();
      if (watch_->engine_wanted && !engine_started) {  // after the list, so a stream starts with it
        lock.unlock();
        try {
          (void)engine();
        } catch (const std::exception&) {
          // no engine: the stream still has the list every period
        }
        engine_started = true;
        lock.lock();
      }
      watch_->wake.wait_for(
          lock, period, [this, &engine_started] { return watch_->stop || (watch_->engine_wanted && !engine_started); });
    }
  });
}

Api::Api(const catalog::Catalog& catalog, ServiceOptions options, EventHub& hub, Sessions& sessions)
    : catalog_(catalog), options_(std::move(options)), hub_(hub), sessions_(sessions) {}

Api::~Api() {
  stop_device_watch();
  engine_.reset();  // its sessions report into the store and the hub: end them first
  std::map<std::string, std::shared_ptr<BackupJob>> jobs;
  {
    const std::lock_guard lock(jobs_mutex_);
    jobs.swap(backups_);
  }
  for (auto& [id, job] : jobs) {
    job->person->cancel();
    if (job->thread.joinable()) job->thread.join();
  }
}

void Api::stop_device_watch() {
  if (watch_) {
    {
      const std::lock_guard lock(watch_->mutex);
      watch_->stop = true;
    }
    watch_->wake.notify_all();
    watch_->thread.join();
    watch_.reset();
  }
}

}  // namespace cc::service
