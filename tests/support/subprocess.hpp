#pragma once
// Runs programs for end-to-end tests: real binaries, real pipes, a hard time limit.
#include <chrono>
#include <memory>
#include <string>
#include <sys/types.h>
#include <vector>

namespace cc::test_support {

struct RunResult {
  int exit_code = -1;  // -1 when killed by a signal or the time limit
  bool timed_out = false;
  std::string out;
  std::string err;
};

// Runs argv[0] (an absolute path) with arguments, waits at most `limit`, kills it
// after that. A non-null `env` replaces the environment.
RunResult run(const std::vector<std::string>& argv, std::chrono::milliseconds limit = std::chrono::seconds(60),
              const std::vector<std::string>* env = nullptr);

// A background process (e.g. the simulator) that is killed and reaped on destruction.
class Background {
 public:
  explicit Background(const std::vector<std::string>& argv);
  ~Background();
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;
  pid_t pid() const noexcept { return pid_; }
  // Sends SIGTERM and returns the exit code (or -1), waiting at most `limit`.
  int terminate(std::chrono::milliseconds limit = std::chrono::seconds(10));

 private:
  pid_t pid_ = -1;
};

// Path of the built coldcheck binary.
std::string coldcheck_binary();

// Starts `coldcheck simulate` for `scenario` on an ephemeral port; returns the port.
struct SimProcess {
  std::unique_ptr<Background> process;
  unsigned port = 0;
  std::string path() const { return "udp:127.0.0.1:" + std::to_string(port); }
};
SimProcess start_simulator(const std::string& scenario);

}  // namespace cc::test_support
