#pragma once
// A simulated Trezor-family device speaking wire protocol v1 over UDP exactly as the
// Trezor emulator does (one 64-byte packet per datagram, PINGPING -> PONGPONG).
// Device state comes from a Scenario (firmware_fixtures/scenarios/*.textproto).
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "coldcheck/scenario.pb.h"

namespace cc::sim {

class LedgerServer;
using Scenario = ::coldcheck::sim::Scenario;

// Throws cc::Error{kInvalidArgument} with "<file>:<line>:<col>: reason".
Scenario load_scenario_file(const std::filesystem::path& file);
Scenario parse_scenario(std::string_view text, std::string_view name);
// Scenarios compiled into the binary, by name (file stem), e.g. "healthy-safe3".
std::vector<std::string> builtin_scenario_names();
Scenario builtin_scenario(std::string_view name);  // kNotFound lists the names

struct SimulatorOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;  // 0: ephemeral; see Simulator::port()
  // Open the debug link on port + 1 even when the scenario does not (tests only: a
  // retail device has none).
  bool debug_link = false;
};

class Simulator {
 public:
  // Binds the socket at once, so port() is valid and clients may connect before run().
  Simulator(Scenario scenario, SimulatorOptions options = {});
  ~Simulator();
  Simulator(const Simulator&) = delete;
  Simulator& operator=(const Simulator&) = delete;

  std::uint16_t port() const noexcept;
  // The debug link's UDP port (port() + 1, as the emulator's 21325 for 21324), or 0
  // when the debug link is off.
  std::uint16_t debug_port() const noexcept;
  // Ledger scenarios: the Speculos TCP port (the same number as port()); else 0.
  std::uint16_t tcp_port() const noexcept;
  // Serves until stop(); returns normally after stop(). One caller at a time.
  void run();
  // Thread-safe and async-signal-safe: an atomic store and one write() to an eventfd
  // that wakes run()'s poll(). A stop() before run() makes run() return at once.
  void stop() noexcept;
  // Starts run() on a background thread (joined by the destructor); an I/O error
  // that ends it is printed to stderr.
  void start();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::unique_ptr<LedgerServer> ledger_;  // set instead of impl_ for Ledger scenarios
};

}  // namespace cc::sim
