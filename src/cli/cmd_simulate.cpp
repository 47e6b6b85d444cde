// `coldcheck simulate`: the built-in device simulator, for demos, tests and trezorctl.
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <pthread.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "core/error.hpp"
#include "sim/debug_client.hpp"
#include "sim/simulator.hpp"
#include "transport/device_path.hpp"

namespace cc::cli {

namespace {

sim::Scenario scenario_from(const std::string& name_or_file) {
  if (std::filesystem::exists(name_or_file)) return sim::load_scenario_file(name_or_file);
  return sim::builtin_scenario(name_or_file);
}

// `--screen`: this terminal is the simulated device's screen and its buttons/keyboard.
// Shows the screen whenever it changes; a line typed here is a press (y / n) or text
// typed on the device (the word count, a word). It talks to the device only through
// its debug link, as a person's hands would.
void run_screen(const std::string& debug_path, const std::atomic<bool>& done) {
  sim::DebugClient device(debug_path);
  std::cout << "This terminal is the simulated device: its screen is shown below. Type y or n and Enter to "
               "press its buttons; anything else is typed on the device's own keyboard.\n"
            << std::flush;
  std::string shown;
  std::string line;
  while (!done.load()) {
    try {
      const std::string screen = device.screen();
      if (screen != shown) {
        shown = screen;
        std::cout << "\n┌─ device screen ─────────────────────────────\n"
                  << screen << "\n└─────────────────────────────────────────────\n"
                  << std::flush;
      }
    } catch (const Error&) {
      // The device is busy stopping; the next round tells.
    }
    pollfd in{STDIN_FILENO, POLLIN, 0};
    if (poll(&in, 1, 150) <= 0) continue;
    char c = 0;
    const ssize_t n = read(STDIN_FILENO, &c, 1);
    if (n <= 0) {
      // End of input: keep showing the screen until the simulator stops.
      std::this_thread::sleep_for(std::chrono::milliseconds(150));
      continue;
    }
    if (c != '\n') {
      if (line.size() < 256) line += c;
      continue;
    }
    if (line == "y" || line == "Y") {
      device.press(true);
    } else if (line == "n" || line == "N") {
      device.press(false);
    } else if (!line.empty()) {
      device.type(line);
    }
    std::fill(line.begin(), line.end(), '\0');
    line.clear();
  }
}

po::options_description simulate_options() {
  po::options_description desc("options");
  desc.add_options()("scenario,s", po::value<std::string>()->default_value("healthy-safe3")->value_name("NAME|FILE"),
                     "built-in scenario name or a scenario .textproto file")(
      "listen,l", po::value<std::string>()->default_value("udp:127.0.0.1:21324")->value_name("udp:HOST:PORT"),
      "where to listen (udp:HOST:PORT; tcp:HOST:PORT names the same port for a Ledger scenario); port 0 picks a "
      "free one")("port-file", po::value<std::string>()->value_name("FILE"),
                  "write the bound port to FILE once listening")("list-scenarios",
                                                                 "print the built-in scenario names and exit")(
      "screen",
      "this terminal shows the simulated device's screen and types on it (for trying "
      "check-backup by hand: run it in a second terminal)");
  return desc;
}

// --listen's host and port. Port 0 is fine here (ephemeral), unlike for a device path.
sim::SimulatorOptions listen_options(const std::string& listen_text) {
  const auto colon = listen_text.rfind(':');
  // Ledger scenarios listen on UDP and TCP with one port number; either prefix names it.
  const bool scheme_ok = listen_text.rfind("udp:", 0) == 0 || listen_text.rfind("tcp:", 0) == 0;
  if (!scheme_ok || colon == std::string::npos || colon < 4) {
    throw Error(ErrorCode::kInvalidArgument,
                "--listen takes udp:HOST:PORT or tcp:HOST:PORT, got '" + listen_text + "'");
  }
  sim::SimulatorOptions options;
  options.host = listen_text.substr(4, colon - 4);
  try {
    const unsigned long port = std::stoul(listen_text.substr(colon + 1));
    if (port > 65535) throw std::out_of_range("port");
    options.port = static_cast<std::uint16_t>(port);
  } catch (const std::exception&) {
    throw Error(ErrorCode::kInvalidArgument, "--listen port must be 0..65535, got '" + listen_text + "'");
  }
  return options;
}

// Written beside and renamed, so a reader never sees a half-written port.
void write_port_file(const std::string& file, std::uint16_t port) {
  const std::string tmp = file + ".tmp";
  {
    std::ofstream out(tmp);
    out << port << "\n";
    if (!out) throw Error(ErrorCode::kIo, "cannot write " + tmp);
  }
  std::filesystem::rename(tmp, file);
}

void announce(const sim::Scenario& scenario, const sim::SimulatorOptions& options, const sim::Simulator& simulator) {
  std::cerr << "coldcheck: simulating '" << scenario.name() << "' on udp:" << options.host << ":" << simulator.port();
  if (simulator.tcp_port() != 0)
    std::cerr << " (Ledger HID reports) and tcp:" << options.host << ":" << simulator.tcp_port() << " (Speculos APDUs)";
  std::cerr << " (Ctrl-C stops)\n";
}

// The --screen thread: shows the device's screen until `done`.
std::thread start_screen(const std::string& host, const sim::Simulator& simulator, const std::atomic<bool>& done) {
  const std::string debug_path = "udp:" + host + ":" + std::to_string(simulator.debug_port());
  return std::thread([debug_path, &done] {
    try {
      run_screen(debug_path, done);
    } catch (const Error& e) {
      std::cerr << "coldcheck: device screen: " << e.what() << "\n";
    }
  });
}

}  // namespace

int run_simulate(const std::vector<std::string>& args) {
  return guarded([&] {
    const auto desc = simulate_options();
    po::variables_map vm;
    if (!parse_options("simulate", "[--scenario NAME|FILE] [--listen udp:HOST:PORT]", desc, args, vm)) return 0;
    if (vm.count("list-scenarios")) {
      for (const auto& n : sim::builtin_scenario_names()) std::cout << n << "\n";
      return 0;
    }
    const auto options = listen_options(vm["listen"].as<std::string>());
    auto scenario = scenario_from(vm["scenario"].as<std::string>());
    const bool screen = vm.count("screen") > 0;
    if (screen) {
      scenario.set_debug_link(true);
      scenario.set_require_press(true);
    }

    // Signals go to a waiting thread, so stop() is never called from a handler.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    sim::Simulator simulator(scenario, options);
    if (vm.count("port-file")) write_port_file(vm["port-file"].as<std::string>(), simulator.port());
    announce(scenario, options, simulator);
    std::thread waiter([&] {
      int sig = 0;
      sigwait(&signals, &sig);
      simulator.stop();
    });
    std::atomic<bool> done{false};
    std::thread screen_thread;
    if (screen) screen_thread = start_screen(options.host, simulator, done);
    simulator.run();
    done.store(true);
    if (screen_thread.joinable()) screen_thread.join();
    // run() can only end through stop(); wake the waiter if it is still waiting.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    return 0;
  });
}

}  // namespace cc::cli
