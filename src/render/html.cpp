#include "render/html.hpp"

#include <sstream>

#include "render/html_escape.hpp"
#include "render/html_style.hpp"
#include "render/json.hpp"
#include "render/words.hpp"
#include "report/html_embed.hpp"

namespace cc::render {
namespace {

namespace rpt = ::coldcheck::report;

// A BCP 47 tag is letters, digits and hyphens; anything else falls back to "en".
std::string language_tag(const std::string& language) {
  if (language.empty() || language.size() > 35) return "en";
  for (char c : language) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return "en";
  }
  return language;
}

std::string text_p(std::string_view cls, const std::string& text) {
  return "<p class=\"text " + std::string(cls) + "\">" + html_escape(text) + "</p>\n";
}

void evidence_list(std::ostringstream& out, const google::protobuf::RepeatedPtrField<rpt::Evidence>& evidence,
                   const Labels& l) {
  if (evidence.empty()) return;
  out << "<ul class=\"evidence\">\n";
  for (const auto& e : evidence) {
    out << "<li><b>" << html_escape(e.name()) << "</b>: " << html_escape(l.observed) << " <span class=\"mono\">"
        << html_escape(e.observed().empty() ? l.unknown : e.observed()) << "</span>";
    if (!e.expected().empty()) {
      out << ", " << html_escape(l.expected) << " <span class=\"mono\">" << html_escape(e.expected()) << "</span>";
    }
    out << "</li>\n";
  }
  out << "</ul>\n";
}

void finding(std::ostringstream& out, const rpt::Finding& f, const Labels& l) {
  const std::string sev = "sev-" + severity_class(f.severity());
  out << "<article class=\"finding " << sev << "\" data-code=\"" << html_escape(f.code()) << "\" data-severity=\""
      << severity_class(f.severity()) << "\">\n"
      << "<div class=\"head\"><span class=\"badge " << sev << "\">" << html_escape(severity_word(f.severity(), l))
      << "</span> <code>" << html_escape(f.code()) << "</code></div>\n"
      << "<h3>" << html_escape(f.title()) << "</h3>\n";
  if (!f.detail().empty()) out << text_p("detail", f.detail());
  if (!f.remediation().empty()) {
    out << "<div class=\"todo\"><h4>" << html_escape(l.what_to_do) << "</h4>\n"
        << text_p("remediation", f.remediation()) << "</div>\n";
  }
  evidence_list(out, f.evidence(), l);
  out << "</article>\n";
}

void checks(std::ostringstream& out, std::string_view id, const std::string& heading,
            const google::protobuf::RepeatedPtrField<rpt::CheckResult>& list, const Labels& l) {
  out << "<section id=\"" << id << "\">\n<h2>" << html_escape(heading) << "</h2>\n";
  if (list.empty()) out << "<p class=\"none\">" << html_escape(l.no_checks) << "</p>\n";
  for (const auto& c : list) {
    const std::string status = "status-" + status_class(c.status());
    // Anything but a pass starts open: that is what the reader came for.
    const bool open = c.status() != rpt::CHECK_PASS && c.status() != rpt::CHECK_SKIPPED;
    out << "<details class=\"check " << status << "\" data-id=\"" << html_escape(c.id()) << "\" data-status=\""
        << status_class(c.status()) << "\"" << (open ? " open" : "") << ">\n"
        << "<summary><span class=\"badge " << status << "\">" << html_escape(status_word(c.status(), l))
        << "</span> <span class=\"title\">" << html_escape(c.title().empty() ? c.id() : c.title())
        << "</span></summary>\n"
        << "<div class=\"body\"><p><code>" << html_escape(c.id()) << "</code></p>\n";
    if (!c.detail().empty()) out << text_p("detail", c.detail());
    evidence_list(out, c.evidence(), l);
    out << "</div>\n</details>\n";
  }
  out << "</section>\n";
}

void definition_list(std::ostringstream& out, const std::vector<std::pair<std::string, std::string>>& rows) {
  out << "<dl class=\"facts\">\n";
  for (const auto& [k, v] : rows) out << "<dt>" << html_escape(k) << "</dt><dd>" << html_escape(v) << "</dd>\n";
  out << "</dl>\n";
}

}  // namespace

std::string render_html(const rpt::Report& report, const Labels& l, const rpt::Report* embedded) {
  const rpt::Body& body = report.body();
  std::ostringstream out;
  out << "<!doctype html>\n<html lang=\"" << language_tag(body.run().language()) << "\">\n<head>\n"
      << "<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
      << "<meta name=\"referrer\" content=\"no-referrer\">\n"
      << "<title>coldcheck — " << html_escape(l.title) << "</title>\n"
      << "<style>" << kHtmlStyle << "</style>\n</head>\n<body>\n<main>\n"
      << "<h1><span class=\"brand\">coldcheck</span> " << html_escape(l.title) << "</h1>\n";
  if (body.run().demo()) out << "<p class=\"demo\" id=\"demo\">" << html_escape(l.demo) << "</p>\n";

  out << "<section id=\"verdict\" class=\"verdict verdict-" << verdict_class(body.verdict()) << "\" data-verdict=\""
      << verdict_class(body.verdict()) << "\">\n<h2>" << html_escape(l.verdict) << "</h2>\n<p class=\"verdict-word\">"
      << html_escape(verdict_word(body.verdict(), l)) << "</p>\n";
  if (const std::string s = verdict_sentence(body.verdict(), l); !s.empty()) out << "<p>" << html_escape(s) << "</p>\n";
  out << "</section>\n";

  const auto findings = findings_in_order(body);
  out << "<section id=\"findings\">\n<h2>" << html_escape(l.findings) << " (" << findings.size() << ")</h2>\n";
  if (findings.empty()) out << "<p class=\"none\">" << html_escape(l.no_findings) << "</p>\n";
  for (const rpt::Finding* f : findings) finding(out, *f, l);
  out << "</section>\n";

  if (body.has_description() && (body.description().refused() || !body.description().text().empty())) {
    out << "<section id=\"description\">\n<h2>" << html_escape(l.description) << "</h2>\n";
    if (body.description().refused()) {
      std::string line = l.description_refused;
      if (!body.description().refused_category().empty()) line += " (" + body.description().refused_category() + ")";
      out << "<p class=\"none\">" << html_escape(line) << "</p>\n";
    } else {
      out << text_p("user-text", body.description().text());
    }
    out << "</section>\n";
  }

  out << "<section id=\"device\">\n<h2>" << html_escape(l.device) << "</h2>\n";
  const auto rows = fact_rows(body.device(), l);
  if (rows.empty()) {
    out << "<p class=\"none\">" << html_escape(l.no_device_facts) << "</p>\n";
  } else {
    definition_list(out, rows);
  }
  out << "</section>\n";
  if (body.has_device()) checks(out, "device-checks", l.device_checks, body.device().checks(), l);
  checks(out, "host-checks", l.host_checks, body.host_checks(), l);

  out << "<section id=\"about\">\n<h2>" << html_escape(l.about) << "</h2>\n";
  const auto about = about_rows(report, l);
  definition_list(out, about);
  out << "</section>\n";

  out << "<footer id=\"anti-scam\"><p>" << html_escape(l.footer) << "</p></footer>\n</main>\n"
      << report::embedded_report_block(render_json(embedded != nullptr ? *embedded : report)) << "\n</body>\n</html>\n";
  return out.str();
}

}  // namespace cc::render
