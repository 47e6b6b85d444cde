#pragma once
// The report in protobuf's JSON mapping, with the .proto field names, indented.
#include <string>

#include "coldcheck/report.pb.h"

namespace cc::render {

std::string render_json(const ::coldcheck::report::Report& report);

}  // namespace cc::render
