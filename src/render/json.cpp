#include "render/json.hpp"

#include <google/protobuf/util/json_util.h>

#include "core/error.hpp"

namespace cc::render {

std::string render_json(const ::coldcheck::report::Report& report) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = true;
  std::string out;
  const auto status = google::protobuf::util::MessageToJsonString(report, &out, options);
  if (!status.ok()) throw Error(ErrorCode::kInternal, "JSON encoding of the report failed: " + status.ToString());
  return out;
}

}  // namespace cc::render
