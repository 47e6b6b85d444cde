#pragma once
// What reaches a terminal from a report or a device: a loaded report may have been
// crafted, so its fields can hold escape sequences (clear the screen, set the title,
// fake a verdict line), bidi overrides that reorder what is shown, or invalid bytes.
// Each line is made valid UTF-8 without control or bidi characters and cut when long.
#include <cstddef>
#include <string>
#include <string_view>

namespace cc::render {

inline constexpr std::size_t kTerminalFieldMax = 200;
inline constexpr std::size_t kTerminalLineMax = 4096;

// One value on one line: newlines and tabs become spaces.
std::string terminal_field(std::string_view value, std::size_t max_bytes = kTerminalFieldMax);

// A whole page: newlines and tabs kept, each line cleaned and cut on its own.
std::string terminal_text(std::string_view page, std::size_t max_line_bytes = kTerminalLineMax);

}  // namespace cc::render
