#include "support/interactive.hpp"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <stdexcept>
#include <thread>

extern char** environ;

namespace cc::test_support {

namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void exec_child(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env) {
  for (const auto& e : extra_env) putenv(const_cast<char*>(e.c_str()));
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  execv(args[0], args.data());
  _exit(127);
}

}  // namespace

Interactive::Interactive(const std::vector<std::string>& argv, bool pty, const std::vector<std::string>& extra_env)
    : pty_(pty) {
  if (pty) {
    int master = -1;
    winsize size{};
    size.ws_row = 50;
    size.ws_col = 120;
    pid_ = forkpty(&master, nullptr, nullptr, &size);
    if (pid_ < 0) throw std::runtime_error("forkpty failed");
    if (pid_ == 0) exec_child(argv, extra_env);
    in_fd_ = out_fd_ = master;
    return;
  }
  int to_child[2];
  int from_child[2];
  if (pipe2(to_child, O_CLOEXEC) != 0 || pipe2(from_child, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    dup2(to_child[0], 0);
    dup2(from_child[1], 1);
    dup2(from_child[1], 2);
    exec_child(argv, extra_env);
  }
  close(to_child[0]);
  close(from_child[1]);
  in_fd_ = to_child[1];
  out_fd_ = from_child[0];
}

Interactive::~Interactive() {
  if (exit_code_ == -2 && pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  if (in_fd_ >= 0 && in_fd_ != out_fd_) close(in_fd_);
  if (out_fd_ >= 0) close(out_fd_);
}

void Interactive::pump(std::chrono::milliseconds limit) {
  pollfd fd{out_fd_, POLLIN, 0};
  if (poll(&fd, 1, static_cast<int>(limit.count())) <= 0) return;
  char buffer[4096];
  const ssize_t n = read(out_fd_, buffer, sizeof buffer);
  if (n > 0) out_.append(buffer, static_cast<std::size_t>(n));
  if (n <= 0) std::this_thread::sleep_for(limit);  // closed (EIO on a pty): nothing more comes
}

bool Interactive::expect(const std::string& text, std::chrono::milliseconds limit) {
  const auto deadline = Clock::now() + limit;
  while (true) {
    const auto at = out_.find(text, matched_);
    if (at != std::string::npos) {
      matched_ = at + text.size();
      return true;
    }
    if (Clock::now() >= deadline) return false;
    pump(std::chrono::milliseconds(50));
  }
}

void Interactive::send(const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = write(in_fd_, bytes.data() + done, bytes.size() - done);
    if (n <= 0) throw std::runtime_error("cannot write to the program");
    done += static_cast<std::size_t>(n);
  }
}

// On Linux the master side reads the terminal's current settings.
bool Interactive::wait_lflag_off(unsigned flag, std::chrono::milliseconds limit) {
  const auto deadline = Clock::now() + limit;
  while (true) {
    termios t{};
    if (tcgetattr(out_fd_, &t) == 0 && (t.c_lflag & flag) == 0) return true;
    if (Clock::now() >= deadline) return false;
    pump(std::chrono::milliseconds(5));
  }
}

bool Interactive::wait_echo_off(std::chrono::milliseconds limit) { return pty_ && wait_lflag_off(ECHO, limit); }
bool Interactive::wait_raw_mode(std::chrono::milliseconds limit) { return pty_ && wait_lflag_off(ICANON, limit); }

void Interactive::close_input() {
  if (pty_) {
    send(std::string(1, '\x04'));  // Ctrl-D: end of input on a terminal
    return;
  }
  close(in_fd_);
  in_fd_ = -1;
}

int Interactive::wait(std::chrono::milliseconds limit) {
  if (exit_code_ != -2) return exit_code_;
  const auto deadline = Clock::now() + limit;
  int status = 0;
  while (true) {
    pump(std::chrono::milliseconds(20));
    const pid_t r = waitpid(pid_, &status, WNOHANG);
    if (r == pid_) break;
    if (Clock::now() >= deadline) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
      exit_code_ = -1;
      return exit_code_;
    }
  }
  for (int i = 0; i < 5; ++i) pump(std::chrono::milliseconds(10));  // the last output
  exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return exit_code_;
}

}  // namespace cc::test_support
