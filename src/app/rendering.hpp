#pragma once
// Rendering a report for every face: labels in a language, the report in its words, a format.
#include "findings/findings.hpp"
#include "render/device_words.hpp"
#include "render/labels.hpp"

namespace cc::app {

// Every rendering label in `language` (English defaults are the gettext msgids).
render::Labels labels_for(findings::Language language);
// The words of `coldcheck info` and `coldcheck list` in `language`.
render::DeviceWords device_words_for(findings::Language language);

// The report with every language-neutral Text put into words in `language` (v1
// reports come back as they are). Not sealed any more: for showing, never for writing.
::coldcheck::report::Report localized(const ::coldcheck::report::Report& report, findings::Language language);

// `report explain` for a person: the findings in `language`. Titles and remediations
// come from the code table, so even a v1 report made in another language explains in
// this one.
std::string explain_report(const ::coldcheck::report::Report& report, findings::Language language);

// One rendered report in `format`: text and HTML in `language`; JSON and pb carry the
// report as sealed (language-neutral), HTML embeds it so.
std::string render_report(const ::coldcheck::report::Report& report, std::string_view format,
                          findings::Language language);

}  // namespace cc::app
