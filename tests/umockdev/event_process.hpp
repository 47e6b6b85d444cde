#pragma once
// A long-running coldcheck (watch, bench) whose output a test reads line by line as it
// comes, on a pipe or on a pseudo-terminal, and which it stops with SIGINT (Ctrl-C).
#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace cc::usb_bus {

class EventProcess {
 public:
  enum class Output { kPipe, kTerminal };
  // `env` replaces the environment; a terminal is 80 columns wide.
  EventProcess(const std::vector<std::string>& argv, const std::vector<std::string>& env, Output output);
  ~EventProcess();
  EventProcess(const EventProcess&) = delete;
  EventProcess& operator=(const EventProcess&) = delete;

  // The next whole line of stdout, or nullopt when none came within `limit`.
  std::optional<std::string> next_line(std::chrono::milliseconds limit);
  // Reads lines until one contains every one of `needles` (returned) or `limit` passes.
  std::optional<std::string> wait_for(const std::vector<std::string>& needles, std::chrono::milliseconds limit);
  // Everything read so far (lines and the unfinished rest).
  const std::string& seen() const noexcept { return seen_; }
  // SIGINT, then the exit code (-1 when it had to be killed after `limit`); the rest of
  // the output is read into seen().
  int interrupt(std::chrono::milliseconds limit = std::chrono::seconds(30));
  // Waits for it to end by itself: the exit code, or -1 (killed after `limit`).
  int wait_exit(std::chrono::milliseconds limit = std::chrono::seconds(60));
  pid_t pid() const noexcept { return pid_; }

 private:
  bool read_some(std::chrono::milliseconds limit);
  pid_t pid_ = -1;
  int fd_ = -1;
  std::string buffer_;
  std::string seen_;
};

}  // namespace cc::usb_bus
