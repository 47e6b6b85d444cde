// `coldcheck simulate`: the built-in device simulator, for demos, tests and trezorctl.
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <pthread.h>
#include <thread>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "core/error.hpp"
#include "sim/simulator.hpp"
#include "transport/device_path.hpp"

namespace cc::cli {

namespace {

sim::Scenario scenario_from(const std::string& name_or_file) {
  if (std::filesystem::exists(name_or_file)) return sim::load_scenario_file(name_or_file);
  return sim::builtin_scenario(name_or_file);
}

}  // namespace

int run_simulate(const std::vector<std::string>& args) {
  return guarded([&] {
    po::options_description desc("options");
    desc.add_options()("scenario,s", po::value<std::string>()->default_value("healthy-safe3")->value_name("NAME|FILE"),
                       "built-in scenario name or a scenario .textproto file")(
        "listen,l", po::value<std::string>()->default_value("udp:127.0.0.1:21324")->value_name("udp:HOST:PORT"),
        "where to listen; port 0 picks a free one")(
        "port-file", po::value<std::string>()->value_name("FILE"), "write the bound port to FILE once listening")(
        "list-scenarios", "print the built-in scenario names and exit");
    po::variables_map vm;
    if (!parse_options("simulate", "[--scenario NAME|FILE] [--listen udp:HOST:PORT]", desc, args, vm)) return 0;
    if (vm.count("list-scenarios")) {
      for (const auto& n : sim::builtin_scenario_names()) std::cout << n << "\n";
      return 0;
    }
    const auto listen_text = vm["listen"].as<std::string>();
    // Port 0 is fine here (ephemeral), unlike for a device path.
    const auto colon = listen_text.rfind(':');
    // Ledger scenarios listen on UDP and TCP with one port number; either prefix names it.
    const bool scheme_ok = listen_text.rfind("udp:", 0) == 0 || listen_text.rfind("tcp:", 0) == 0;
    if (!scheme_ok || colon == std::string::npos || colon < 4) {
      throw Error(ErrorCode::kInvalidArgument, "--listen takes udp:HOST:PORT, got '" + listen_text + "'");
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
    const auto scenario = scenario_from(vm["scenario"].as<std::string>());

    // Signals go to a waiting thread, so stop() is never called from a handler.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    sim::Simulator simulator(scenario, options);
    if (vm.count("port-file")) {
      const std::string file = vm["port-file"].as<std::string>();
      const std::string tmp = file + ".tmp";
      {
        std::ofstream out(tmp);
        out << simulator.port() << "\n";
        if (!out) throw Error(ErrorCode::kIo, "cannot write " + tmp);
      }
      std::filesystem::rename(tmp, file);
    }
    std::cerr << "coldcheck: simulating '" << scenario.name() << "' on udp:" << options.host << ":" << simulator.port();
    if (simulator.tcp_port() != 0) std::cerr << " (Ledger HID reports) and tcp:" << options.host << ":" << simulator.tcp_port() << " (Speculos APDUs)";
    std::cerr << " (Ctrl-C stops)\n";
    std::thread waiter([&] {
      int sig = 0;
      sigwait(&signals, &sig);
      simulator.stop();
    });
    simulator.run();
    // run() can only end through stop(); wake the waiter if it is still waiting.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    return 0;
  });
}

}  // namespace cc::cli
