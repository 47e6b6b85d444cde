// `coldcheck bench`: the technician's station. A face over app::DeviceSessions: every
// device present and plugged in later is diagnosed on its own session, in parallel;
// a live table on a terminal, JSON Lines for a desk's tooling otherwise, a summary at
// the end. Never asks for a PIN and never runs the backup check.
#include <unistd.h>

#include <condition_variable>
#include <filesystem>
#include <functional>
#include <optional>
#include <iostream>
#include <mutex>
#include <thread>

#include "app/device_sessions.hpp"
#include "cli/bench_table.hpp"
#include "cli/command.hpp"
#include "cli/event_lines.hpp"
#include "cli/interrupt.hpp"
#include "cli/options.hpp"
#include "core/error.hpp"
#include "enumerate/bus.hpp"
#include "report/install_key.hpp"
#include "store/export.hpp"
#include "store/location.hpp"
#include "store/store.hpp"

namespace cc::cli {

namespace {

// Redraws the table in place, at most ten times a second, from its own thread.
class LiveTable {
 public:
  LiveTable(const app::DeviceSessions& sessions, findings::Language lang)
      : sessions_(sessions), lang_(lang), thread_([this] { run(); }) {}
  ~LiveTable() {
    {
      const std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
    draw();
  }
  void changed() {
    {
      const std::lock_guard lock(mutex_);
      dirty_ = true;
    }
    wake_.notify_all();
  }

 private:
  void run() {
    std::unique_lock lock(mutex_);
    while (true) {
      wake_.wait(lock, [this] { return dirty_ || stopping_; });
      if (stopping_) return;
      dirty_ = false;
      lock.unlock();
      draw();
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      lock.lock();
    }
  }
  void draw() {
    const auto lines = bench_table(sessions_.snapshot(), lang_);
    std::string out;
    if (drawn_ > 0) out += "\x1b[" + std::to_string(drawn_) + "F";  // back to the table's first line
    for (const auto& line : lines) out += "\x1b[2K" + line + "\n";
    drawn_ = lines.size();
    std::cout << out << std::flush;
  }

  const app::DeviceSessions& sessions_;
  findings::Language lang_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool dirty_ = true;
  bool stopping_ = false;
  std::size_t drawn_ = 0;
  std::thread thread_;
};

std::string summary_json(const std::vector<app::SessionInfo>& sessions) {
  std::map<std::string, int> verdicts;
  std::map<std::string, int> codes;
  int reports = 0;
  std::string failures = "[";
  for (const auto& s : sessions) {
    if (!s.reports.empty()) {
      ++reports;
      ++verdicts[::coldcheck::report::Verdict_Name(s.verdict)];
      for (const auto& c : s.finding_codes) ++codes[c];
    }
    if (s.state != app::SessionState::kDone) {
      failures += std::string(failures.size() > 1 ? "," : "") + "{\"port\":" + store::json_string(s.port) +
                  ",\"path\":" + store::json_string(s.device_path) +
                  ",\"state\":" + store::json_string(app::to_string(s.state)) +
                  ",\"reason\":" + store::json_string(s.reason) + "}";
    }
  }
  const auto counts = [](const std::map<std::string, int>& m) {
    std::string out = "{";
    for (const auto& [k, n] : m) out += (out.size() > 1 ? "," : "") + store::json_string(k) + ":" + std::to_string(n);
    return out + "}";
  };
  return "{\"event\":\"summary\",\"sessions\":" + std::to_string(sessions.size()) +
         ",\"reports\":" + std::to_string(reports) + ",\"by_verdict\":" + counts(verdicts) +
         ",\"by_finding\":" + counts(codes) + ",\"not_diagnosed\":" + failures + "]}";
}

po::options_description bench_options() {
  po::options_description desc("options");
  desc.add_options()("once", "diagnose what is plugged in now, print the summary and exit")(
      "out-dir", po::value<std::string>()->default_value(".")->value_name("DIR"),
      "where the reports go: one per device, named for model, port and device pseudonym")(
      "format,f", po::value<std::vector<std::string>>()->value_name("FMT")->composing(),
      "report format, repeatable: json (default), text, html, pb")(
      "emulator", po::value<std::vector<std::string>>()->value_name("udp:HOST:PORT|tcp:HOST:PORT")->composing(),
      "also diagnose this emulator endpoint (repeatable); without --once it is watched by a liveness probe")(
      "no-usb", "leave USB alone: only the --emulator endpoints")(
      "parallel", po::value<unsigned>()->default_value(64)->value_name("N"), "diagnose at most N devices at once")(
      "json", "JSON Lines events even on a terminal")("lang", po::value<std::string>()->value_name("LANG"),
                                                      "en or zh-CN (default: from LANG)")(
      "key", po::value<std::string>()->value_name("FILE"),
      "install key file (default: ~/.config/coldcheck/install.key)")(
      "store", po::value<std::string>()->value_name("PATH|URI"), "also keep every report in this store");
  add_catalog_option(desc);
  return desc;
}

std::vector<transport::DevicePath> emulator_paths(const po::variables_map& vm) {
  std::vector<transport::DevicePath> emulators;
  if (vm.count("emulator")) {
    for (const auto& text : vm["emulator"].as<std::vector<std::string>>())
      emulators.push_back(transport::parse_device_path(text));
  }
  return emulators;
}

// Every finished report into the store, one at a time; a store that fails only warns.
std::function<void(const ::coldcheck::report::Report&)> keep_in(store::Store& store, std::mutex& store_mutex) {
  return [&store, &store_mutex](const ::coldcheck::report::Report& r) {
    const std::lock_guard lock(store_mutex);
    try {
      (void)store.put(r);
    } catch (const Error& e) {
      std::cerr << "coldcheck: warning: a report was not stored: " << e.what() << "\n";
    }
  };
}

// The session engine's settings from the options (out dir, formats, parallelism).
app::SessionsOptions sessions_options(const po::variables_map& vm, enumerate::UsbBus& bus,
                                      const report::Pseudonymizer& pseudonymize, std::string key_id,
                                      findings::Language language, const std::filesystem::path& out_dir) {
  app::SessionsOptions options;
  options.bus = &bus;
  options.pseudonymize = &pseudonymize;
  options.key_id = std::move(key_id);
  options.language = language;
  options.out_dir = out_dir;
  options.max_parallel = vm["parallel"].as<unsigned>();
  options.diagnose_arrivals = true;
  if (vm.count("format")) {
    options.formats.clear();
    for (const auto& f : vm["format"].as<std::vector<std::string>>())
      options.formats.push_back(report::parse_format(f));
  }
  return options;
}

// --once: every device there now; `interrupt` is finished once all sessions are idle.
std::thread diagnose_present(app::DeviceSessions& sessions, enumerate::UsbBus& bus, bool use_usb,
                             const std::vector<transport::DevicePath>& emulators, Interrupt& interrupt) {
  if (use_usb) {
    for (const auto& e : bus.present()) sessions.on_bus_event(e);
  }
  for (const auto& path : emulators) {
    enumerate::BusEvent e;
    e.node.path = path.to_string();
    e.node.state = ::coldcheck::ACCESS_UNKNOWN;
    e.port = e.node.path;
    sessions.on_bus_event(e);
  }
  return std::thread([&sessions, &interrupt] {
    sessions.wait_idle();
    interrupt.finish();
  });
}

struct Watches {
  std::unique_ptr<enumerate::Watch> usb;
  std::unique_ptr<enumerate::Watch> emulators;
};

// Until Ctrl-C: USB arrivals (udev) and the emulators' liveness probes feed the sessions.
Watches watch_arrivals(app::DeviceSessions& sessions, bool use_usb,
                       const std::vector<transport::DevicePath>& emulators) {
  Watches watches;
  if (use_usb) {
    try {
      watches.usb = sessions.watch();
    } catch (const Error& e) {
      if (emulators.empty()) throw;
      std::cerr << "coldcheck: " << e.what() << "; diagnosing the emulators only\n";
    }
  }
  if (!emulators.empty()) {
    watches.emulators =
        enumerate::watch_emulators(emulators, [&sessions](const enumerate::BusEvent& e) { sessions.on_bus_event(e); });
  }
  return watches;
}

// The summary (table words on a terminal; JSON on stdout and words on stderr otherwise)
// and the exit code: a failure when a session did not finish, unless Ctrl-C ended a watch.
int summarize(const std::vector<app::SessionInfo>& all, bool table, findings::Language language, bool interrupted,
              bool once) {
  if (table) {
    std::cout << "\n" << bench_summary(all, language) << std::flush;
  } else {
    std::cout << summary_json(all) << std::endl;
    std::cerr << bench_summary(all, language);
  }
  if (interrupted && !once) return 0;
  for (const auto& s : all) {
    if (s.state != app::SessionState::kDone) return static_cast<int>(kExitFailure);
  }
  return 0;
}

}  // namespace

int run_bench(const std::vector<std::string>& args) {
  return guarded([&] {
    const auto desc = bench_options();
    po::variables_map vm;
    if (!parse_options("bench", "[--once] [--out-dir DIR] [--emulator ENDPOINT]...", desc, args, vm)) return 0;
    const auto language = lang_option(vm);
    const auto emulators = emulator_paths(vm);
    const bool once = vm.count("once") > 0;
    const bool use_usb = vm.count("no-usb") == 0;
    const std::filesystem::path out_dir = vm["out-dir"].as<std::string>();
    std::filesystem::create_directories(out_dir);
    const auto& catalog = catalog_from(vm);
    const auto key_path =
        vm.count("key") ? std::filesystem::path(vm["key"].as<std::string>()) : report::default_key_path();
    auto key = report::load_or_create_install_key(key_path);
    const report::Pseudonymizer pseudonymize(key);

    std::unique_ptr<store::Store> store;
    std::mutex store_mutex;
    if (vm.count("store")) store = store::Store::open(store::parse_location(vm["store"].as<std::string>()));

    Interrupt interrupt;  // before any thread starts
    enumerate::UsbBus bus(catalog);
    auto options = sessions_options(vm, bus, pseudonymize, report::key_id(key), language, out_dir);
    if (store) options.keep = keep_in(*store, store_mutex);
    app::DeviceSessions sessions(catalog, options);

    const bool table = isatty(STDOUT_FILENO) != 0 && vm.count("json") == 0;
    std::mutex out_mutex;
    std::optional<LiveTable> live;
    if (table) live.emplace(sessions, language);
    const auto subscription = sessions.subscribe([&](const app::SessionEvent& e) {
      if (live) {
        live->changed();
        return;
      }
      const std::lock_guard lock(out_mutex);
      std::cout << session_event_json(e) << std::endl;
    });

    Watches watches;
    std::thread idle_waiter;
    if (once) {
      idle_waiter = diagnose_present(sessions, bus, use_usb, emulators, interrupt);
    } else {
      watches = watch_arrivals(sessions, use_usb, emulators);
      if (!table) std::cerr << "coldcheck: bench running (Ctrl-C stops and prints the summary)\n";
    }
    const bool interrupted = interrupt.wait();
    watches = Watches{};
    for (const auto& s : sessions.snapshot()) (void)sessions.cancel(s.id);
    sessions.wait_idle();
    if (idle_waiter.joinable()) idle_waiter.join();
    live.reset();  // the last drawing
    return summarize(sessions.snapshot(), table, language, interrupted, once);
  });
}

}  // namespace cc::cli
