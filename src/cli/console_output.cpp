#include "cli/console_output.hpp"

#include <unistd.h>

#include "core/error.hpp"
#include "render/terminal_text.hpp"

namespace cc::cli {

bool stdout_is_terminal() { return isatty(STDOUT_FILENO) != 0; }

void print_rendered(std::ostream& out, const std::string& rendered, std::string_view format) {
  const bool terminal = stdout_is_terminal();
  if (format == "pb") {
    if (terminal) {
      throw Error(ErrorCode::kInvalidArgument, "--format pb is binary: redirect it to a file, not a terminal");
    }
    out << rendered;
    return;
  }
  if (format == "text" || terminal) {
    out << render::terminal_text(rendered);
  } else {
    out << rendered;
  }
}

}  // namespace cc::cli
