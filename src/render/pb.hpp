#pragma once
// The report as binary protobuf, deterministically serialized so the same report is
// always the same bytes (read_report refuses any other form).
#include <string>

#include "coldcheck/report.pb.h"

namespace cc::render {

std::string render_pb(const ::coldcheck::report::Report& report);

}  // namespace cc::render
