#include "cli/console.hpp"

#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <iostream>

#include <openssl/crypto.h>

#include "core/clean_text.hpp"

namespace cc::cli {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void on_sigint(int /*signal*/) { g_interrupted.store(true); }

constexpr std::size_t kMaxLine = 256;  // longer input is cut; every answer is short
constexpr int kPollMs = 100;

// Echo off while grid positions are typed; restored on every path out.
class EchoOff {
 public:
  explicit EchoOff(bool active) {
    if (!active || tcgetattr(STDIN_FILENO, &saved_) != 0) return;
    termios quiet = saved_;
    quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
    active_ = tcsetattr(STDIN_FILENO, TCSANOW, &quiet) == 0;
  }
  ~EchoOff() {
    if (active_) tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;

 private:
  termios saved_{};
  bool active_ = false;
};

}  // namespace

std::string clean_description(std::string_view typed) {
  return clean_text(typed, kDescriptionMax, {.keep_newlines = true, .keep_tabs = false});
}

Console::Console() : interactive_(isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0) {}

Console::~Console() {
  if (armed_) sigaction(SIGINT, &previous_, nullptr);
}

void Console::arm() const {
  if (armed_) return;
  g_interrupted.store(false);
  struct sigaction action {};
  action.sa_handler = on_sigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a blocked call returns EINTR and we look at the flag
  sigaction(SIGINT, &action, &previous_);
  armed_ = true;
}

bool Console::interrupted() const {
  arm();
  return g_interrupted.load();
}

void Console::tell(const std::string& text) { std::cout << "\n" << text << "\n" << std::flush; }

bool Console::confirm(const std::string& question) {
  auto answer = ask(question + (interactive_ ? " [y/N]" : " (yes/no)"), false);
  if (!answer) return false;
  const std::string a = *answer;
  return a == "y" || a == "Y" || a == "yes" || a == "Yes" || a == "YES" || a == "是" || a == "好";
}

std::optional<std::string> Console::ask(const std::string& prompt, bool hide) {
  arm();
  // Echo goes off before the prompt shows, so nothing typed at the prompt is echoed.
  const bool quiet = hide && interactive_;
  EchoOff echo_off(quiet);
  std::cout << "\n" << prompt << " " << std::flush;
  auto line = read_line();
  if (quiet) std::cout << "\n" << std::flush;  // the Enter was not echoed
  return line;
}

std::optional<std::string> Console::read_hidden_line() {
  arm();
  EchoOff echo_off(isatty(STDIN_FILENO) != 0);
  return read_line();
}

std::optional<std::string> Console::read_line() {
  std::string line;
  bool overflow = false;
  while (true) {
    if (g_interrupted.load()) {
      OPENSSL_cleanse(line.data(), line.size());
      std::cout << "\n" << std::flush;
      return std::nullopt;
    }
    pollfd fd{STDIN_FILENO, POLLIN, 0};
    const int ready = poll(&fd, 1, kPollMs);
    if (ready < 0 && errno != EINTR) return std::nullopt;
    if (ready <= 0) continue;
    char c = 0;
    const ssize_t n = read(STDIN_FILENO, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {  // end of input
      if (line.empty()) return std::nullopt;
      break;
    }
    if (c == '\n') break;
    if (c == '\r') continue;
    if (line.size() < kMaxLine) {
      line += c;
    } else {
      overflow = true;
    }
  }
  if (overflow) line.clear();  // a cut line is not an answer
  return line;
}

}  // namespace cc::cli
