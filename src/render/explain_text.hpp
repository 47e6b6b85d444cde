#pragma once
// `coldcheck report explain`: the findings alone, most urgent first as stored, each with
// its detail, evidence and what to do. Takes a report already in the reader's words.
#include <string>

#include "coldcheck/report.pb.h"
#include "render/labels.hpp"

namespace cc::render {

std::string render_explain(const ::coldcheck::report::Report& shown, bool intact, const Labels& labels = {});

}  // namespace cc::render
