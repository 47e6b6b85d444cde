#include <stdexcept>

#include "findings/codes.hpp"
#include "findings/rules.hpp"
#include "findings/translations.hpp"
#include "i18n/text.hpp"

namespace cc::findings {

::coldcheck::report::Finding& Emitter::add(std::string_view code) {
  const CodeInfo* info = find_code(code);
  if (info == nullptr) throw std::logic_error("finding code missing from the code table: " + std::string(code));
  auto& f = out_.emplace_back();
  f.set_code(std::string(info->code));
  f.set_severity(info->severity);
  f.set_title(t(info->title));
  f.set_remediation(t(info->remediation));
  *f.mutable_title_text() = i18n::message(info->title);
  *f.mutable_remediation_text() = i18n::message(info->remediation);
  return f;
}

void Emitter::evidence(::coldcheck::report::Finding& finding, std::string_view english_name, std::string observed,
                       std::string expected) const {
  auto* e = finding.add_evidence();
  e->set_name(t(english_name));
  *e->mutable_name_text() = i18n::message(english_name);
  e->set_observed(std::move(observed));
  e->set_expected(std::move(expected));
}

Emitter::Said Emitter::say(std::string_view msgid, std::initializer_list<std::string_view> args) const {
  Said said;
  said.words = i18n::format(t(msgid), args);
  std::vector<::coldcheck::report::Text> values;
  for (const auto a : args) values.push_back(i18n::literal(std::string(a)));
  said.text = i18n::message(msgid, std::move(values));
  return said;
}

void Emitter::detail(::coldcheck::report::Finding& finding, Said said) const {
  finding.set_detail(std::move(said.words));
  *finding.mutable_detail_text() = std::move(said.text);
}

void Emitter::evidence(::coldcheck::report::Finding& finding, std::string_view english_name, std::string observed,
                       Said expected) const {
  evidence(finding, english_name, std::move(observed), std::move(expected.words));
  *finding.mutable_evidence(finding.evidence_size() - 1)->mutable_expected_text() = std::move(expected.text);
}

std::string Emitter::yes_no(bool value) const { return value ? t(N_("yes")) : t(N_("no")); }

}  // namespace cc::findings
