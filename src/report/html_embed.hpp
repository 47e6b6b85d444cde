#pragma once
// The HTML rendering carries the whole report as JSON, so `coldcheck report verify
// report.html` works on the very file the person shared. This is the one place that
// knows how the block is marked and escaped; the renderer and the reader share it.
#include <optional>
#include <string>
#include <string_view>

namespace cc::report {

inline constexpr std::string_view kEmbeddedReportOpenTag = R"(<script type="application/json" id="coldcheck-report">)";
inline constexpr std::string_view kEmbeddedReportCloseTag = "</script>";

// JSON made safe inside <script>: '<', '>' and '&' become \u003c, \u003e, \u0026
// (they can only occur inside JSON strings, where those escapes mean the same).
std::string escape_json_for_script(std::string_view json);
// The whole block: open tag, escaped JSON, close tag.
std::string embedded_report_block(std::string_view json);
// The JSON inside the block, or nullopt when the page holds no such block.
std::optional<std::string> extract_embedded_report(std::string_view html);

}  // namespace cc::report
