#pragma once
// The end of the report pipeline, the same for every face: each requested rendering is
// made once, the data it carries passes the secret guard, and only then is anything
// written (atomically). A report that trips the guard is a bug and leaves nothing behind.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coldcheck/report.pb.h"
#include "findings/findings.hpp"
#include "report/format.hpp"

namespace cc::app {

struct ReportFile {
  std::filesystem::path path;
  report::Format format = report::Format::kJson;
  // One of a set under a directory: written together, all or nothing, under a fresh
  // unique name (cc::write_report_set); `path` then gives the directory and extension.
  bool in_set = false;
};

// Where a diagnosis writes: `out` alone (its format from `format`, else its extension),
// or under `dir` one file per format (all four, or only `format`) named
// coldcheck-report-<stamp>.{txt,json,html,pb}. Throws Error{kInvalidArgument} on a bad format.
std::vector<ReportFile> report_files(const std::optional<std::filesystem::path>& out,
                                     const std::optional<std::string>& format, const std::filesystem::path& dir,
                                     std::string_view stamp);

// The final gate over one rendering: the report data it carries (read back from the
// bytes for json, pb and html; the report's fields in `language` for text) is scanned
// string field by string field, the description on its own. Throws Error{kInternal}
// naming the kind of secret, never the text.
void require_clean_rendering(const ::coldcheck::report::Report& report, report::Format format,
                             std::string_view rendered, findings::Language language);

struct Published {
  std::vector<std::filesystem::path> written;
  std::string text;  // the text rendering, when asked for (to show on a terminal)
};

// Renders each format among `files` (and text when `want_text`) once, gates every
// rendering, then writes the files; `written` holds the names they got.
Published publish_report(const ::coldcheck::report::Report& report, const std::vector<ReportFile>& files,
                         bool want_text, findings::Language language);
// The same, the set's names starting with `set_prefix` instead of "coldcheck-report-".
Published publish_report(const ::coldcheck::report::Report& report, const std::vector<ReportFile>& files,
                         bool want_text, findings::Language language, std::string_view set_prefix);

}  // namespace cc::app
