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
  // From the first prompt or interrupt check on, Ctrl-C only sets a flag that the
  // guided flow answers (Cancel on the device); before that it ends the program as
  // usual. The destructor restores the previous handler.
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
  void arm() const;

  bool interactive_ = false;
  mutable bool armed_ = false;
  mutable struct sigaction previous_ {};
};

}  // namespace cc::cli
