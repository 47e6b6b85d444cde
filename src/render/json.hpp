#pragma once
// The report in protobuf's JSON mapping, with the .proto field names, indented.
#include <string>

#include <google/protobuf/message.h>

#include "coldcheck/report.pb.h"

namespace cc::render {

// Protobuf's JSON mapping with our field names, pretty-printed; for any message.
std::string to_json(const google::protobuf::Message& message);
std::string render_json(const ::coldcheck::report::Report& report);

}  // namespace cc::render
