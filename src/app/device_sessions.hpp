#pragma once
// Device sessions: one diagnosis per device, each on its own thread with exclusive use
// of its device, cancellable, released when the device leaves the bus. The one engine
// behind `coldcheck bench` and the service's device pages; faces only subscribe to its
// events and read snapshots.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "coldcheck/report.pb.h"
#include "core/error.hpp"
#include "enumerate/bus.hpp"
#include "findings/findings.hpp"
#include "report/format.hpp"
#include "report/pseudonym.hpp"
#include "transport/device_path.hpp"
#include "transport/opener.hpp"

namespace cc::app {

struct SessionsOptions {
  transport::Opener* opener = nullptr;                  // null: the system's transports
  enumerate::Bus* bus = nullptr;                        // null: one USB bus owned by the sessions
  const report::Pseudonymizer* pseudonymize = nullptr;  // required; outlives the sessions
  std::string key_id;                                   // install key id, recorded in reports
  findings::Language language = findings::Language::kEnglish;
  // Where finished reports go, one atomic set per diagnosis; empty: none written.
  std::optional<std::filesystem::path> out_dir;
  std::vector<report::Format> formats{report::Format::kJson};
  // Called with each finished report before its files are written (e.g. the store).
  std::function<void(const ::coldcheck::report::Report&)> keep;
  unsigned max_parallel = 64;  // sessions diagnosing at once; later ones queue
  // With watch(): start a diagnosis for every catalog device that arrives.
  bool diagnose_arrivals = false;
};

// What one session is asked to do. The bench never asks for a PIN and never runs the
// backup check; neither does a session.
struct SessionRequest {
  transport::DevicePath device;
  std::string port;   // "hub port 3"; empty: taken from the path
  std::string model;  // as listed; may be empty until the device is read
  std::string description;
  std::optional<std::filesystem::path> firmware_dir;
};

enum class SessionState { kQueued, kRunning, kDone, kFailed, kCancelled, kUnplugged };
std::string_view to_string(SessionState state) noexcept;

struct SessionEvent {
  enum class Kind { kArrived, kLeft, kModeChanged, kStep, kVerdict, kReportWritten, kFailed, kReleased };
  Kind kind = Kind::kStep;
  std::string session_id;  // empty for bus events no session is tied to
  std::string device_path;
  std::string port;
  std::string model;
  std::string step;  // kStep: the step's words (English, as diagnose says them)
  int progress = 0;  // kStep: 0..100
  ::coldcheck::report::Verdict verdict = ::coldcheck::report::VERDICT_UNSPECIFIED;
  std::string finding;                         // kVerdict: the most urgent finding's code, if any
  std::string held_by;                         // kVerdict: the program another process holds the device with
  std::vector<std::filesystem::path> reports;  // kReportWritten
  ErrorCode error = ErrorCode::kInternal;      // kFailed
  std::string reason;                          // kFailed: why; kReleased: how it ended
  std::string access;                          // bus events: the access state's name
  std::string detail;                          // bus events: e.g. which program holds it
};
std::string_view to_string(SessionEvent::Kind kind) noexcept;

struct SessionInfo {
  std::string id;
  std::string device_path;
  std::string port;
  std::string model;
  std::string pseudonym;  // once the device was read
  SessionState state = SessionState::kQueued;
  std::string step;
  int progress = 0;
  ::coldcheck::report::Verdict verdict = ::coldcheck::report::VERDICT_UNSPECIFIED;
  std::string finding;
  std::vector<std::string> finding_codes;  // every finding's code, once each
  std::string held_by;                     // e.g. "trezor-suite (pid 4242)", from the host.busy check
  std::vector<std::filesystem::path> reports;
  std::optional<ErrorCode> error;
  std::string reason;
};

class DeviceSessions {
 public:
  DeviceSessions(const catalog::Catalog& catalog, SessionsOptions options);
  // Cancels every session and waits for their threads.
  ~DeviceSessions();
  DeviceSessions(const DeviceSessions&) = delete;
  DeviceSessions& operator=(const DeviceSessions&) = delete;

  // Starts a diagnosis of `request.device` and returns its session id (128 random bits,
  // hex). Throws Error{kBusy} naming the session that already has this device (one
  // released after an unplug does not count: it is ending).
  std::string start_diagnosis(const SessionRequest& request);

  // Asks the session to stop at its next step; false when no such session is running.
  bool cancel(const std::string& id);
  // The device left: its session (if any) is cancelled and marked unplugged; no report
  // is written for it.
  void release(const std::string& device_path);

  // Every session so far, in start order.
  std::vector<SessionInfo> snapshot() const;
  std::optional<SessionInfo> find(const std::string& id) const;
  // Blocks until no session is queued or running.
  void wait_idle() const;

  // Events are delivered one at a time (never two callbacks at once), from session and
  // watch threads, until the Subscription is destroyed.
  class Subscription {
   public:
    Subscription() = default;
    Subscription(Subscription&& other) noexcept;
    Subscription& operator=(Subscription&& other) noexcept;
    ~Subscription();
    Subscription(const Subscription&) = delete;
    Subscription& operator=(const Subscription&) = delete;

   private:
    friend class DeviceSessions;
    Subscription(DeviceSessions* owner, std::uint64_t id) : owner_(owner), id_(id) {}
    DeviceSessions* owner_ = nullptr;
    std::uint64_t id_ = 0;
  };
  Subscription subscribe(std::function<void(const SessionEvent&)> on_event);

  // Feeds a bus event in: published to subscribers; a departure releases the device;
  // with diagnose_arrivals an arrival starts its diagnosis.
  void on_bus_event(const enumerate::BusEvent& event);
  // Watches the bus (Bus::watch) into on_bus_event until the Watch is destroyed.
  std::unique_ptr<enumerate::Watch> watch();

  struct Impl;

 private:
  void unsubscribe(std::uint64_t id) noexcept;
  std::unique_ptr<Impl> impl_;
};

// A fresh session id: 16 bytes from getrandom(2), as 32 hex digits.
std::string new_session_id();

}  // namespace cc::app
