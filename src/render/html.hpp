#pragma once
// The report as one self-contained HTML page a person can open on a phone and send
// to support: no external resources (a CSP forbids them), every string escaped, the
// whole report embedded as JSON so the same file can be verified and read back.
// Stable hooks for tests and tools: #verdict, #device, .finding[data-code="CC-…"].
#include <string>

#include "coldcheck/report.pb.h"
#include "render/labels.hpp"

namespace cc::render {

// `embedded`: the report the page carries for machines (default: `report` itself); a
// language-neutral report is shown localized but embedded as sealed.
std::string render_html(const ::coldcheck::report::Report& report, const Labels& labels = {},
                        const ::coldcheck::report::Report* embedded = nullptr);

}  // namespace cc::render
