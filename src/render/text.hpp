#pragma once
// The report for a terminal or a plain-text file: verdict first, then findings by
// urgency, device facts, checks with evidence, and the digest last. Control and
// bidirectional-override characters in report strings are neutralised, so a hostile
// description cannot move the cursor or reorder what the reader sees.
#include <string>

#include "coldcheck/report.pb.h"
#include "render/labels.hpp"

namespace cc::render {

std::string render_text(const ::coldcheck::report::Report& report, const Labels& labels = {});

}  // namespace cc::render
