#pragma once
// Reading a report back from any machine-readable rendering: .pb, .json or .html
// (the page embeds the JSON). The text rendering is for people and is refused.
#include <filesystem>
#include <string>
#include <string_view>

#include "coldcheck/report.pb.h"

namespace cc::report {

// Detects the rendering from the bytes, not the file name. Throws Error{kInvalidArgument}
// for text renderings, garbage, and binary files that are not in canonical form (a
// canonical file re-serializes to the same bytes; anything else was edited).
// Does not check the digest: call verify() for that.
::coldcheck::report::Report parse_report(std::string_view bytes);

// The bytes of a report file: at most 64 MiB, a regular file (no FIFO, no device).
std::string read_report_bytes(const std::filesystem::path& path);

// Reads the file (at most 64 MiB) and parses it; errors name the file.
::coldcheck::report::Report read_report(const std::filesystem::path& path);

}  // namespace cc::report
