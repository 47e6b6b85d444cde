#include "render/json.hpp"

#include <google/protobuf/util/json_util.h>

#include "core/error.hpp"

namespace cc::render {

std::string to_json(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = true;
  std::string out;
  const auto status = google::protobuf::util::MessageToJsonString(message, &out, options);
  if (!status.ok()) {
    throw Error(ErrorCode::kInternal,
                "JSON encoding of " + std::string(message.GetDescriptor()->name()) + " failed: " + status.ToString());
  }
  return out;
}

std::string render_json(const ::coldcheck::report::Report& report) { return to_json(report); }

}  // namespace cc::render
