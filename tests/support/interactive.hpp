#pragma once
// A program driven as a person would: answers prompts as they appear. With `pty` it
// runs on a pseudo-terminal (isatty() is true, Ctrl-C is the byte 0x03 through the
// line discipline); without, on plain pipes (stdout and stderr merged).
#include <chrono>
#include <string>
#include <sys/types.h>
#include <vector>

namespace cc::test_support {

class Interactive {
 public:
  Interactive(const std::vector<std::string>& argv, bool pty, const std::vector<std::string>& extra_env = {});
  ~Interactive();
  Interactive(const Interactive&) = delete;
  Interactive& operator=(const Interactive&) = delete;

  // Waits until `text` appears in the output after the previous match; true if it did.
  bool expect(const std::string& text, std::chrono::milliseconds limit = std::chrono::seconds(20));
  void send(const std::string& bytes);
  void send_line(const std::string& line) { send(line + "\n"); }
  void close_input();
  // pty only: waits until the program has switched its terminal's echo off (a hidden
  // prompt) or canonical mode off (single-key input); input sent before such a switch
  // may be echoed or dropped (TCSAFLUSH).
  bool wait_echo_off(std::chrono::milliseconds limit = std::chrono::seconds(10));
  bool wait_raw_mode(std::chrono::milliseconds limit = std::chrono::seconds(10));
  bool raw_mode_now() { return wait_raw_mode(std::chrono::milliseconds(0)); }
  // Everything the program printed so far.
  const std::string& output() const noexcept { return out_; }
  // Waits for the exit code (-1: signal or limit; the program is then killed).
  int wait(std::chrono::milliseconds limit = std::chrono::seconds(30));

 private:
  void pump(std::chrono::milliseconds limit);
  bool wait_lflag_off(unsigned flag, std::chrono::milliseconds limit);

  pid_t pid_ = -1;
  int in_fd_ = -1;   // to the program
  int out_fd_ = -1;  // from the program
  bool pty_ = false;
  std::string out_;
  std::size_t matched_ = 0;
  int exit_code_ = -2;
};

}  // namespace cc::test_support
