#include "render/explain_text.hpp"

#include <sstream>

#include "render/words.hpp"

namespace cc::render {

std::string render_explain(const ::coldcheck::report::Report& shown, bool intact, const Labels& labels) {
  std::ostringstream out;
  if (!intact) out << labels.not_intact << "\n\n";
  const auto& findings = shown.body().findings();
  if (findings.empty()) {
    out << labels.no_findings << "\n";
    return out.str();
  }
  for (const auto& f : findings) {
    out << f.urgency() << ". [" << severity_word(f.severity(), labels) << "] " << f.code() << "  " << f.title() << "\n";
    if (!f.detail().empty()) out << "   " << f.detail() << "\n";
    for (const auto& e : f.evidence()) {
      out << "   - " << e.name() << ": " << e.observed();
      if (!e.expected().empty()) out << " (" << e.expected() << ")";
      out << "\n";
    }
    out << "   → " << f.remediation() << "\n\n";
  }
  return out.str();
}

}  // namespace cc::render
