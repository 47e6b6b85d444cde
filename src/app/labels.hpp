#pragma once
#include "findings/findings.hpp"
#include "render/labels.hpp"

namespace cc::app {

// Every rendering label in `language` (English defaults are the gettext msgids).
render::Labels labels_for(findings::Language language);

// One rendered report in `format`.
std::string render_report(const ::coldcheck::report::Report& report, std::string_view format,
                          findings::Language language);

}  // namespace cc::app
