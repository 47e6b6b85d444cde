// DeviceSessions: a thread per diagnosis, a slot limit, a device -> session map for
// exclusive use, and one event fan-out. Everything a face shows comes from here.
#include "app/device_sessions.hpp"

#include <sys/random.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <stop_token>
#include <thread>

#include "app/diagnose.hpp"
#include "app/publish_report.hpp"
#include "core/hex.hpp"
#include "findings/check_ids.hpp"

namespace cc::app {

namespace rp = ::coldcheck::report;

std::string_view to_string(SessionState state) noexcept {
  switch (state) {
    case SessionState::kQueued: return "queued";
    case SessionState::kRunning: return "running";
    case SessionState::kDone: return "done";
    case SessionState::kFailed: return "failed";
    case SessionState::kCancelled: return "cancelled";
    case SessionState::kUnplugged: return "unplugged";
  }
  return "unknown";
}

std::string_view to_string(SessionEvent::Kind kind) noexcept {
  using K = SessionEvent::Kind;
  switch (kind) {
    case K::kArrived: return "arrival";
    case K::kLeft: return "departure";
    case K::kModeChanged: return "mode_change";
    case K::kStep: return "step";
    case K::kVerdict: return "verdict";
    case K::kReportWritten: return "report";
    case K::kFailed: return "failed";
    case K::kReleased: return "released";
  }
  return "unknown";
}

std::string new_session_id() {
  std::array<std::uint8_t, 16> bytes{};
  std::size_t got = 0;
  while (got < bytes.size()) {
    const auto n = ::getrandom(bytes.data() + got, bytes.size() - got, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Error(ErrorCode::kIo, "getrandom failed: no session id");
    }
    got += static_cast<std::size_t>(n);
  }
  return to_hex(bytes);
}

namespace {

// How far along a diagnosis is, from the step diagnose() announces.
int progress_of(const std::string& step) {
  static const std::array<std::pair<std::string_view, int>, 8> kSteps{{
      {"looking for the device", 5},
      {"checking this computer", 15},
      {"reading the device", 30},
      {"checking that the device and its firmware are genuine", 55},
      {"checking the recovery backup", 70},
      {"working out findings", 85},
      {"asking the device to sign", 90},
      {"writing the report", 95},
  }};
  for (const auto& [prefix, percent] : kSteps) {
    if (step.starts_with(prefix)) return percent;
  }
  return -1;
}

// The finding to read first: lowest urgency number, then the most severe.
std::string most_urgent(const rp::Body& body) {
  const rp::Finding* best = nullptr;
  for (const auto& f : body.findings()) {
    if (best == nullptr) {
      best = &f;
      continue;
    }
    const auto u = [](const rp::Finding& x) { return x.urgency() == 0 ? 1000u : x.urgency(); };
    if (u(f) < u(*best) || (u(f) == u(*best) && f.severity() > best->severity())) best = &f;
  }
  return best == nullptr ? std::string() : best->code();
}

std::string access_word(::coldcheck::AccessState state) {
  switch (state) {
    case ::coldcheck::ACCESS_READY: return "ready";
    case ::coldcheck::ACCESS_NO_PERMISSION: return "no-permission";
    case ::coldcheck::ACCESS_BUSY: return "busy";
    case ::coldcheck::ACCESS_UNREACHABLE: return "unreachable";
    default: return "unknown";
  }
}

// Who holds the device, as the host.busy check found it.
std::string holder_of(const rp::Body& body) {
  for (const auto& c : body.host_checks()) {
    if (c.id() != findings::kHostBusy || c.status() != rp::CHECK_FAIL) continue;
    for (const auto& e : c.evidence()) {
      if (!e.observed().empty()) return e.observed();
    }
  }
  return {};
}

// File-name safe: letters, digits, '.', '-'; anything else becomes '-'.
std::string name_part(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.';
    out += ok ? c : '-';
  }
  while (out.find("--") != std::string::npos) out.replace(out.find("--"), 2, "-");
  if (!out.empty() && out.front() == '-') out.erase(0, 1);
  if (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "unknown" : out.substr(0, 48);
}

std::string_view extension_for(report::Format format) {
  switch (format) {
    case report::Format::kText: return ".txt";
    case report::Format::kJson: return ".json";
    case report::Format::kHtml: return ".html";
    case report::Format::kPb: return ".pb";
  }
  return ".json";
}

}  // namespace

struct Session {
  SessionInfo info;
  SessionRequest request;
  std::stop_source stop;
  bool unplugged = false;
  std::jthread thread;
};

struct DeviceSessions::Impl {
  const catalog::Catalog& catalog;
  SessionsOptions options;
  std::unique_ptr<enumerate::UsbBus> own_bus;

  mutable std::mutex mutex;  // sessions, by_device, running
  mutable std::condition_variable changed;
  std::deque<std::shared_ptr<Session>> sessions;
  std::map<std::string, std::shared_ptr<Session>> by_device;  // path -> active session
  unsigned running = 0;

  std::recursive_mutex delivery;  // one event at a time; guards subscribers
  std::map<std::uint64_t, std::function<void(const SessionEvent&)>> subscribers;
  std::uint64_t next_subscriber = 1;

  Impl(const catalog::Catalog& c, SessionsOptions o) : catalog(c), options(std::move(o)) {}

  enumerate::Bus& bus() { return options.bus != nullptr ? *options.bus : *own_bus; }

  void publish(const SessionEvent& event) {
    const std::lock_guard lock(delivery);
    for (const auto& [id, on_event] : subscribers) {
      try {
        on_event(event);
      } catch (...) {  // a face's failure must not end a diagnosis
      }
    }
  }

  SessionEvent event_for(const Session& s, SessionEvent::Kind kind) {
    SessionEvent e;
    e.kind = kind;
    {
      const std::lock_guard lock(mutex);
      e.session_id = s.info.id;
      e.device_path = s.info.device_path;
      e.port = s.info.port;
      e.model = s.info.model;
    }
    return e;
  }

  void update(Session& s, const std::function<void(SessionInfo&)>& change) {
    const std::lock_guard lock(mutex);
    change(s.info);
    changed.notify_all();
  }

  // Waits for a free slot; false when stopped meanwhile.
  bool take_slot(const std::stop_token& stop) {
    // Every stop request is made holding `mutex` and followed by notify_all.
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return stop.stop_requested() || running < std::max(1u, options.max_parallel); });
    if (stop.stop_requested()) return false;
    ++running;
    return true;
  }

  // The last thing a session thread does: once its state is final, wait_idle() may
  // return and the face tear down, so the released event goes out first.
  void finish(Session& s, SessionState state, const std::string& reason, std::optional<ErrorCode> error) {
    auto released = event_for(s, SessionEvent::Kind::kReleased);
    released.reason = std::string(to_string(state));
    publish(released);
    const std::lock_guard lock(mutex);
    s.info.state = state;
    if (!reason.empty()) s.info.reason = reason;
    if (error) s.info.error = error;
    const auto it = by_device.find(s.info.device_path);
    if (it != by_device.end() && it->second.get() == &s) by_device.erase(it);
    changed.notify_all();
  }

  void fail(Session& s, const Error& e, SessionState state) {
    auto failed = event_for(s, SessionEvent::Kind::kFailed);
    failed.error = e.code();
    failed.reason = e.what();
    publish(failed);
    finish(s, state, e.what(), e.code());
  }

  // The end state when the run stopped early: unplugged wins over cancelled.
  SessionState stopped_state(const Session& s) {
    const std::lock_guard lock(mutex);
    return s.unplugged ? SessionState::kUnplugged : SessionState::kCancelled;
  }

  // The set's name: coldcheck-<model>-<port>-<pseudonym>-<time>-<random>.<ext>.
  std::string prefix_for(const Session& s, const rp::Report& report) {
    const auto& device = report.body().device();
    std::string model = device.facts().model_name();
    if (model.empty()) model = device.facts().catalog_id();
    if (model.empty()) model = s.info.model;
    const std::string pseudonym = device.device_pseudonym().empty() ? "no-id" : device.device_pseudonym();
    return "coldcheck-" + name_part(model) + "-" + name_part(s.info.port) + "-" + name_part(pseudonym) + "-";
  }

  // After a failed read: did the device leave? A USB device whose I/O says it is gone
  // is given a moment for the bus watch's departure (the backends' own device lists can
  // lag the kernel), then the bus is asked directly.
  bool gone_from_the_bus(const Session& s, const Error& error) {
    const auto scheme = s.request.device.scheme;
    const bool usb = scheme == transport::Scheme::kHid || scheme == transport::Scheme::kWebUsb;
    const auto code = error.code();
    const bool looks_gone = code == ErrorCode::kDisconnected || code == ErrorCode::kNotFound || code == ErrorCode::kIo;
    {
      std::unique_lock lock(mutex);
      if (s.unplugged) return true;
      if (!usb || !looks_gone) return false;
      if (changed.wait_for(lock, kDepartureGrace, [&] { return s.unplugged; })) return true;
    }
    try {
      const auto nodes = bus().scan();
      return std::none_of(nodes.begin(), nodes.end(),
                          [&](const enumerate::UsbNode& n) { return n.path == s.info.device_path; });
    } catch (const Error&) {
      return false;
    }
  }
  static constexpr std::chrono::milliseconds kDepartureGrace{500};

  std::vector<ReportFile> files_for() {
    std::vector<ReportFile> files;
    if (!options.out_dir) return files;
    for (const auto format : options.formats) {
      ReportFile f;
      f.path = *options.out_dir / ("report" + std::string(extension_for(format)));
      f.format = format;
      f.in_set = true;
      files.push_back(std::move(f));
    }
    return files;
  }

  // What diagnose() is asked for one session: its device, never the backup check, and
  // every step published as progress.
  DiagnoseOptions diagnose_options_for(Session& s, const std::stop_token& stop) {
    DiagnoseOptions o;
    o.device = s.request.device;
    o.description = s.request.description;
    o.firmware_dir = s.request.firmware_dir;
    o.language = options.language;
    o.key_id = options.key_id;
    o.opener = options.opener;
    o.bus = &bus();
    o.stop = stop;
    o.check_backup = false;  // never at a bench: it needs the person and the words
    o.progress = [this, &s](const std::string& line) {
      const int p = progress_of(line);
      update(s, [&](SessionInfo& i) {
        i.step = line;
        if (p >= 0) i.progress = p;
      });
      auto e = event_for(s, SessionEvent::Kind::kStep);
      e.step = line;
      e.progress = std::max(0, p);
      publish(e);
    };
    return o;
  }

  void record_verdict(Session& s, const ::coldcheck::report::Body& body) {
    update(s, [&](SessionInfo& i) {
      i.verdict = body.verdict();
      i.finding = most_urgent(body);
      i.held_by = holder_of(body);
      i.finding_codes.clear();
      for (const auto& f : body.findings()) {
        if (std::find(i.finding_codes.begin(), i.finding_codes.end(), f.code()) == i.finding_codes.end())
          i.finding_codes.push_back(f.code());
      }
      i.pseudonym = body.device().device_pseudonym();
      if (!body.device().facts().model_name().empty()) i.model = body.device().facts().model_name();
    });
    auto verdict = event_for(s, SessionEvent::Kind::kVerdict);
    verdict.verdict = body.verdict();
    verdict.finding = most_urgent(body);
    verdict.held_by = holder_of(body);
    publish(verdict);
  }

  // One all-or-nothing set of files in the out dir, when there is one.
  void write_reports(Session& s, const ::coldcheck::report::Report& report) {
    const auto files = files_for();
    if (files.empty()) return;
    const auto published = publish_report(report, files, false, options.language, prefix_for(s, report));
    update(s, [&](SessionInfo& i) {
      i.reports = published.written;
      i.progress = 100;
    });
    auto written = event_for(s, SessionEvent::Kind::kReportWritten);
    written.reports = published.written;
    publish(written);
  }

  void run(const std::shared_ptr<Session>& session, const std::stop_token& stop) {
    Session& s = *session;
    if (!take_slot(stop)) {
      finish(s, stopped_state(s), "stopped before it started", ErrorCode::kCancelled);
      return;
    }
    struct SlotBack {
      Impl& impl;
      ~SlotBack() {
        const std::lock_guard lock(impl.mutex);
        --impl.running;
        impl.changed.notify_all();
      }
    } slot_back{*this};
    update(s, [](SessionInfo& i) { i.state = SessionState::kRunning; });

    DiagnoseOptions o = diagnose_options_for(s, stop);

    try {
      auto diagnosis = diagnose(catalog, o, *options.pseudonymize);
      if (stop.stop_requested()) throw Error(ErrorCode::kCancelled, "the diagnosis was cancelled");
      if (diagnosis.device_error && gone_from_the_bus(s, *diagnosis.device_error)) {
        // Pulled out mid-run: a report about half a device would mislead, so none is
        // kept. (The departure event may still be on its way; the bus decides.)
        fail(s, *diagnosis.device_error, SessionState::kUnplugged);
        return;
      }
      record_verdict(s, diagnosis.report.body());
      o.progress("writing the report");
      if (options.keep) options.keep(diagnosis.report);
      write_reports(s, diagnosis.report);
      if (diagnosis.device_error) {
        fail(s, *diagnosis.device_error, SessionState::kFailed);  // the report explains more
        return;
      }
      update(s, [](SessionInfo& i) { i.progress = 100; });
      finish(s, SessionState::kDone, "", std::nullopt);
    } catch (const Error& e) {
      const bool stopped = stop.stop_requested() || e.code() == ErrorCode::kCancelled;
      fail(s, e, stopped ? stopped_state(s) : SessionState::kFailed);
    } catch (const std::exception& e) {
      fail(s, Error(ErrorCode::kInternal, e.what()), SessionState::kFailed);
    }
  }
};

DeviceSessions::DeviceSessions(const catalog::Catalog& catalog, SessionsOptions options)
    : impl_(std::make_unique<Impl>(catalog, std::move(options))) {
  if (impl_->options.pseudonymize == nullptr) {
    throw Error(ErrorCode::kInvalidArgument, "device sessions need a pseudonymizer");
  }
  if (impl_->options.bus == nullptr) impl_->own_bus = std::make_unique<enumerate::UsbBus>(catalog);
}

DeviceSessions::~DeviceSessions() {
  std::deque<std::shared_ptr<Session>> all;
  {
    const std::lock_guard lock(impl_->mutex);
    all = impl_->sessions;
    for (auto& s : all) s->stop.request_stop();
    impl_->changed.notify_all();
  }
  for (auto& s : all) {
    if (s->thread.joinable()) s->thread.join();
  }
}

std::string DeviceSessions::start_diagnosis(const SessionRequest& request) {
  auto session = std::make_shared<Session>();
  session->request = request;
  const std::string path = request.device.to_string();
  {
    const std::lock_guard lock(impl_->mutex);
    // A session whose device was unplugged is only winding down: the device now at that
    // path is a new arrival (a flapping port, a quick replug) and gets its own run.
    if (const auto it = impl_->by_device.find(path); it != impl_->by_device.end() && !it->second->unplugged) {
      throw Error(ErrorCode::kBusy, path + " is in use by session " + it->second->info.id);
    }
    session->info.id = new_session_id();
    session->info.device_path = path;
    session->info.port = request.port.empty() ? path : request.port;
    session->info.model = request.model;
    impl_->by_device[path] = session;
    impl_->sessions.push_back(session);
    session->thread =
        std::jthread([impl = impl_.get(), session, stop = session->stop.get_token()] { impl->run(session, stop); });
  }
  return session->info.id;
}

bool DeviceSessions::cancel(const std::string& id) {
  const std::lock_guard lock(impl_->mutex);
  for (auto& s : impl_->sessions) {
    if (s->info.id != id) continue;
    if (s->info.state != SessionState::kQueued && s->info.state != SessionState::kRunning) return false;
    s->stop.request_stop();
    impl_->changed.notify_all();
    return true;
  }
  return false;
}

void DeviceSessions::release(const std::string& device_path) {
  const std::lock_guard lock(impl_->mutex);
  const auto it = impl_->by_device.find(device_path);
  if (it == impl_->by_device.end()) return;
  it->second->unplugged = true;
  it->second->stop.request_stop();
  impl_->changed.notify_all();
}

std::vector<SessionInfo> DeviceSessions::snapshot() const {
  const std::lock_guard lock(impl_->mutex);
  std::vector<SessionInfo> out;
  out.reserve(impl_->sessions.size());
  for (const auto& s : impl_->sessions) out.push_back(s->info);
  return out;
}

std::optional<SessionInfo> DeviceSessions::find(const std::string& id) const {
  const std::lock_guard lock(impl_->mutex);
  for (const auto& s : impl_->sessions) {
    if (s->info.id == id) return s->info;
  }
  return std::nullopt;
}

void DeviceSessions::wait_idle() const {
  std::unique_lock lock(impl_->mutex);
  impl_->changed.wait(lock, [&] {
    return std::none_of(impl_->sessions.begin(), impl_->sessions.end(), [](const auto& s) {
      return s->info.state == SessionState::kQueued || s->info.state == SessionState::kRunning;
    });
  });
}

DeviceSessions::Subscription DeviceSessions::subscribe(std::function<void(const SessionEvent&)> on_event) {
  const std::lock_guard lock(impl_->delivery);
  const auto id = impl_->next_subscriber++;
  impl_->subscribers.emplace(id, std::move(on_event));
  return Subscription(this, id);
}

void DeviceSessions::unsubscribe(std::uint64_t id) noexcept {
  const std::lock_guard lock(impl_->delivery);
  impl_->subscribers.erase(id);
}

DeviceSessions::Subscription::Subscription(Subscription&& other) noexcept : owner_(other.owner_), id_(other.id_) {
  other.owner_ = nullptr;
}

DeviceSessions::Subscription& DeviceSessions::Subscription::operator=(Subscription&& other) noexcept {
  if (this != &other) {
    if (owner_ != nullptr) owner_->unsubscribe(id_);
    owner_ = other.owner_;
    id_ = other.id_;
    other.owner_ = nullptr;
  }
  return *this;
}

DeviceSessions::Subscription::~Subscription() {
  if (owner_ != nullptr) owner_->unsubscribe(id_);
}

void DeviceSessions::on_bus_event(const enumerate::BusEvent& event) {
  using BK = enumerate::BusEvent::Kind;
  SessionEvent e;
  e.kind = event.kind == BK::kArrived ? SessionEvent::Kind::kArrived
           : event.kind == BK::kLeft  ? SessionEvent::Kind::kLeft
                                      : SessionEvent::Kind::kModeChanged;
  e.device_path = event.node.path;
  e.port = event.port;
  e.model = event.model;
  e.access = access_word(event.node.state);
  e.detail = event.node.detail;
  {
    const std::lock_guard lock(impl_->mutex);
    if (const auto it = impl_->by_device.find(event.node.path); it != impl_->by_device.end()) {
      e.session_id = it->second->info.id;
    }
  }
  impl_->publish(e);
  if (event.kind == BK::kLeft) {
    release(event.node.path);
    return;
  }
  if (!impl_->options.diagnose_arrivals) return;
  SessionRequest request;
  try {
    request.device = transport::parse_device_path(event.node.path);
  } catch (const Error&) {
    return;  // not a path coldcheck can open (e.g. a bare USB node)
  }
  request.port = event.port;
  request.model = event.model_known ? event.model : std::string();  // else named once read
  try {
    (void)start_diagnosis(request);
  } catch (const Error& busy) {
    auto failed = e;
    failed.kind = SessionEvent::Kind::kFailed;
    failed.error = busy.code();
    failed.reason = busy.what();
    impl_->publish(failed);
  }
}

std::unique_ptr<enumerate::Watch> DeviceSessions::watch() {
  return impl_->bus().watch([this](const enumerate::BusEvent& event) { on_bus_event(event); });
}

}  // namespace cc::app
