#include "report/html_embed.hpp"

namespace cc::report {

std::string escape_json_for_script(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    switch (c) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default: out += c; break;
    }
  }
  return out;
}

std::string embedded_report_block(std::string_view json) {
  std::string out(kEmbeddedReportOpenTag);
  out += escape_json_for_script(json);
  out += kEmbeddedReportCloseTag;
  return out;
}

std::optional<std::string> extract_embedded_report(std::string_view html) {
  const std::size_t open = html.find(kEmbeddedReportOpenTag);
  if (open == std::string_view::npos) return std::nullopt;
  const std::size_t start = open + kEmbeddedReportOpenTag.size();
  const std::size_t close = html.find(kEmbeddedReportCloseTag, start);
  if (close == std::string_view::npos) return std::nullopt;
  // A second block would let a page show one report and verify as another.
  if (html.find(kEmbeddedReportOpenTag, start) != std::string_view::npos) return std::nullopt;
  return std::string(html.substr(start, close - start));
}

}  // namespace cc::report
