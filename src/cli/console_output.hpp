#pragma once
// Rendered reports on standard output. A loaded report may be crafted, so nothing of it
// reaches a terminal raw: the text page always goes through render::terminal_text;
// JSON and HTML do when standard output is a terminal (redirected to a file they stay
// byte for byte as rendered); binary protobuf is refused on a terminal.
#include <ostream>
#include <string>
#include <string_view>

namespace cc::cli {

bool stdout_is_terminal();

// `rendered` in `format` ("text", "json", "html", "pb") onto `out` (standard output).
void print_rendered(std::ostream& out, const std::string& rendered, std::string_view format);

}  // namespace cc::cli
