#pragma once
// Serves a simulated Ledger two ways on one port number: Speculos APDUs over TCP, and
// Ledger HID reports over UDP (one 64-byte report per datagram, PINGPING answered like
// the Trezor emulator) so the HID framing runs end to end without USB.
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include "coldcheck/scenario.pb.h"

namespace cc::sim {

class LedgerServer {
 public:
  // Binds UDP and TCP at once (port 0: a free port number free for both).
  LedgerServer(::coldcheck::sim::LedgerDevice device, const std::string& host, std::uint16_t port);
  ~LedgerServer();
  LedgerServer(const LedgerServer&) = delete;
  LedgerServer& operator=(const LedgerServer&) = delete;

  std::uint16_t port() const noexcept;
  void run();            // until stop()
  void stop() noexcept;  // async-signal-safe
  void start();          // run() on a thread the destructor joins

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::thread thread_;
};

}  // namespace cc::sim
