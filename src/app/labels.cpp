#include "app/labels.hpp"

#include "core/error.hpp"
#include "render/html.hpp"
#include "render/json.hpp"
#include "render/pb.hpp"
#include "render/text.hpp"

namespace cc::app {

render::Labels labels_for(findings::Language language) {
  render::Labels labels;
  if (language == findings::Language::kEnglish) return labels;
  for (std::string* field : render::all_label_fields(labels)) *field = findings::tr(*field, language);
  return labels;
}

std::string render_report(const ::coldcheck::report::Report& report, std::string_view format,
                          findings::Language language) {
  if (format == "json") return render::render_json(report);
  if (format == "pb") return render::render_pb(report);
  if (format == "html") return render::render_html(report, labels_for(language));
  if (format == "text") return render::render_text(report, labels_for(language));
  throw Error(ErrorCode::kInvalidArgument, "unknown format '" + std::string(format) + "' (text, json, html, pb)");
}

}  // namespace cc::app
