#pragma once
// The person at the computer, as the guided flows see them. The CLI implements it on a
// terminal (or plain lines when not a terminal); tests script it. Nothing a Person
// returns may be a secret: flows only ever ask for grid positions, counts and yes/no.
#include <optional>
#include <string>

namespace cc::app {

class Person {
 public:
  virtual ~Person() = default;
  // One step of explanation.
  virtual void tell(const std::string& text) = 0;
  // A yes/no question; false for no, Ctrl-C or end of input.
  virtual bool confirm(const std::string& question) = 0;
  // One line; nullopt on Ctrl-C or end of input. `hide`: do not echo (grid positions).
  virtual std::optional<std::string> ask(const std::string& prompt, bool hide = false) = 0;
  // Ctrl-C was pressed (checked while the device works).
  virtual bool interrupted() const = 0;
};

}  // namespace cc::app
