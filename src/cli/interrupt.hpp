#pragma once
// Ctrl-C for long-running commands (watch, bench): SIGINT/SIGTERM/SIGHUP are blocked
// in every thread and read from a signalfd, so no handler runs on a worker thread and
// the command ends by unwinding normally (watches and sessions joined, nothing left).
#include <chrono>
#include <optional>

#include "core/unique_fd.hpp"

namespace cc::cli {

class Interrupt {
 public:
  // Blocks the signals; construct before starting any thread.
  Interrupt();
  ~Interrupt();
  Interrupt(const Interrupt&) = delete;
  Interrupt& operator=(const Interrupt&) = delete;

  // Another thread's way to end wait() (e.g. all work is done). Thread-safe.
  void finish() noexcept;
  // Waits for a signal or finish(); true when a signal came.
  bool wait();

 private:
  UniqueFd signals_;
  UniqueFd finished_;
};

}  // namespace cc::cli
