#pragma once
// The Api's long-running parts (private to src/service): the device watcher and the
// backup checks in flight.
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "service/api.hpp"
#include "service/web_person.hpp"

namespace cc::service {

struct Api::Watch {
  std::mutex mutex;
  std::condition_variable wake;
  bool stop = false;
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

}  // namespace cc::service
