#include "app/report_check.hpp"

#include "app/rendering.hpp"
#include "core/error.hpp"
#include "findings/findings.hpp"
#include "render/html.hpp"
#include "render/json.hpp"
#include "report/read_report.hpp"

namespace cc::app {
namespace {

char first_significant(std::string_view bytes) {
  for (char c : bytes) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return c;
  }
  return '\0';
}

// The page must be exactly what its embedded data renders to, in one of our languages:
// otherwise what a person reads is not what verified. Either as written (the stored
// words) or as `report show --format html --lang L` puts it into words.
bool html_matches(const ::coldcheck::report::Report& report, std::string_view bytes) {
  for (const auto language : {findings::parse_language(report.body().run().language()), findings::Language::kEnglish,
                              findings::Language::kChineseSimplified}) {
    if (render::render_html(report, labels_for(language)) == bytes) return true;
    try {
      if (render_report(report, "html", language) == bytes) return true;
    } catch (const Error&) {
      // Words it cannot make (verify names why): not a page coldcheck rendered.
    }
  }
  return false;
}

}  // namespace

std::vector<std::string> ReportCheck::problems() const {
  std::vector<std::string> out = integrity.problems;
  out.insert(out.end(), form_problems.begin(), form_problems.end());
  if (binding.present && !binding.valid) out.push_back("device binding: " + binding.summary);
  if (signature.present && !signature.valid) out.push_back("install signature: " + signature.summary);
  return out;
}

ReportCheck check_report_bytes(std::string_view bytes, const std::string& name) {
  ReportCheck check;
  try {
    check.report = report::parse_report(bytes);
  } catch (const Error& e) {
    throw e.with_context(name);
  }
  check.integrity = report::verify(check.report);
  const char first = first_significant(bytes);
  if (first == '{' && render::render_json(check.report) != bytes) {
    check.form_problems.push_back(
        "the JSON is not in the form coldcheck writes for this data (reformatted, reordered or edited)");
  } else if (first == '<' && !html_matches(check.report, bytes)) {
    check.form_problems.push_back(
        "the visible page is not what its embedded report renders to: the page was edited, so what it shows "
        "is not what was verified");
  }
  check.binding = check_binding(check.report);
  check.signature = report::check_install_signature(check.report);
  return check;
}

ReportCheck check_report_file(const std::filesystem::path& path) {
  return check_report_bytes(report::read_report_bytes(path), path.string());
}

}  // namespace cc::app
