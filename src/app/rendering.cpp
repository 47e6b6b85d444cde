#include "app/rendering.hpp"

#include "core/error.hpp"
#include "i18n/text.hpp"
#include "render/explain_text.hpp"
#include "render/html.hpp"
#include "render/json.hpp"
#include "render/pb.hpp"
#include "render/text.hpp"
#include "report/seal.hpp"

namespace cc::app {

namespace {
// A set of words in `language`; its defaults are the English msgids.
template <class Words>
Words translated(std::vector<std::string*> (*fields_of)(Words&), findings::Language language) {
  Words words;
  if (language == findings::Language::kEnglish) return words;
  for (std::string* field : fields_of(words)) *field = findings::tr(*field, language);
  return words;
}
}  // namespace

render::Labels labels_for(findings::Language language) {
  return translated<render::Labels>(render::all_label_fields, language);
}

render::DeviceWords device_words_for(findings::Language language) {
  return translated<render::DeviceWords>(render::all_device_word_fields, language);
}

::coldcheck::report::Report localized(const ::coldcheck::report::Report& report, findings::Language language) {
  auto shown = report;
  i18n::localize(shown, language);
  // The copy is in `language` now (the page's lang attribute, for one, says so).
  if (shown.body().schema_version() != ::coldcheck::report::REPORT_SCHEMA_VERSION) {
    shown.mutable_body()->mutable_run()->set_language(std::string(findings::language_tag(language)));
  }
  return shown;
}

std::string explain_report(const ::coldcheck::report::Report& report, findings::Language language) {
  auto shown = localized(report, language);
  for (auto& f : *shown.mutable_body()->mutable_findings()) {
    if (const auto text = findings::text_for(f.code(), language)) {
      f.set_title(text->title);
      f.set_remediation(text->remediation);
    }
  }
  return render::render_explain(shown, report::verify(report).ok, labels_for(language));
}

std::string render_report(const ::coldcheck::report::Report& report, std::string_view format,
                          findings::Language language) {
  if (format == "json") return render::render_json(report);
  if (format == "pb") return render::render_pb(report);
  if (format == "html") return render::render_html(localized(report, language), labels_for(language), &report);
  if (format == "text") return render::render_text(localized(report, language), labels_for(language));
  throw Error(ErrorCode::kInvalidArgument, "unknown format '" + std::string(format) + "' (text, json, html, pb)");
}

}  // namespace cc::app
