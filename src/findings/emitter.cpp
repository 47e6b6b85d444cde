#include <stdexcept>

#include "findings/codes.hpp"
#include "findings/rules.hpp"
#include "findings/translations.hpp"

namespace cc::findings {

::coldcheck::report::Finding& Emitter::add(std::string_view code) {
  const CodeInfo* info = find_code(code);
  if (info == nullptr) throw std::logic_error("finding code missing from the code table: " + std::string(code));
  auto& f = out_.emplace_back();
  f.set_code(std::string(info->code));
  f.set_severity(info->severity);
  f.set_title(t(info->title));
  f.set_remediation(t(info->remediation));
  return f;
}

void Emitter::evidence(::coldcheck::report::Finding& finding, std::string_view english_name, std::string observed,
                       std::string expected) const {
  auto* e = finding.add_evidence();
  e->set_name(t(english_name));
  e->set_observed(std::move(observed));
  e->set_expected(std::move(expected));
}

std::string Emitter::yes_no(bool value) const { return value ? t(N_("yes")) : t(N_("no")); }

}  // namespace cc::findings
