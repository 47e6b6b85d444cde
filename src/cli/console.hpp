#pragma once
// The person at a terminal, for the guided flows. On a terminal: prompts, no echo for
// grid positions, Ctrl-C cancels. Otherwise plain lines, so the flow can be scripted.
// Input is read straight from fd 0 with poll(), so a Ctrl-C is noticed at a prompt as
// well as while the device works.
#include <csignal>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "app/person.hpp"

namespace cc::cli {

// Free text a person gave (--describe): valid UTF-8 (bytes in a legacy encoding such as
// GBK become U+FFFD, so the report verifies), no control or bidi characters, line breaks
// kept, at most kDescriptionMax bytes. Done before the secret guard sees it, so the
// guard and the report judge the same text.
inline constexpr std::size_t kDescriptionMax = 4000;
std::string clean_description(std::string_view typed);

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
  // One line from standard input with the terminal's echo off (when it is a terminal),
  // and no prompt: for callers that print their own. nullopt on end of input or Ctrl-C.
  std::optional<std::string> read_hidden_line();

 private:
  std::optional<std::string> read_line();
  void arm() const;

  bool interactive_ = false;
  mutable bool armed_ = false;
  mutable struct sigaction previous_ {};
};

}  // namespace cc::cli
