#include "render/terminal_text.hpp"

#include "core/clean_text.hpp"

namespace cc::render {

std::string terminal_field(std::string_view value, std::size_t max_bytes) { return clean_text(value, max_bytes); }

std::string terminal_text(std::string_view page, std::size_t max_line_bytes) {
  std::string out;
  out.reserve(page.size());
  while (!page.empty()) {
    // '\r' ends a line too: alone it would move the cursor back over what was shown.
    const std::size_t end = page.find_first_of("\r\n");
    const std::string_view line = page.substr(0, end);
    out += clean_text(line, max_line_bytes, {.keep_newlines = false, .keep_tabs = true});
    if (end == std::string_view::npos) break;
    out += '\n';
    const bool crlf = page[end] == '\r' && end + 1 < page.size() && page[end + 1] == '\n';
    page.remove_prefix(end + (crlf ? 2 : 1));
  }
  return out;
}

}  // namespace cc::render
