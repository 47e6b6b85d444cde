#pragma once
// The person at a terminal, for the guided flows. On a terminal: prompts, no echo for
// grid positions, Ctrl-C cancels. Otherwise plain lines, so the flow can be scripted.
// Input is read straight from fd 0 with poll(), so a Ctrl-C is noticed at a prompt as
// well as while the device works.
#include <csignal>
#include <optional>
#include <string>

#include "app/person.hpp"

namespace cc::cli {

class Console final : public app::Person {
 public:
  // Installs a SIGINT handler (restored by the destructor) that only sets a flag.
  Console();
  ~Console() override;
  Console(const Console&) = delete;
  Console& operator=(const Console&) = delete;

  bool interactive() const noexcept { return interactive_; }

  void tell(const std::string& text) override;
  bool confirm(const std::string& question) override;
  std::optional<std::string> ask(const std::string& prompt, bool hide) override;
  bool interrupted() const override;

 private:
  std::optional<std::string> read_line();

  bool interactive_ = false;
  struct sigaction previous_ {};
};

}  // namespace cc::cli
