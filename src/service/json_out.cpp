#include "service/json_out.hpp"

#include <google/protobuf/util/json_util.h>

#include "core/error.hpp"
#include "store/export.hpp"

namespace cc::service {

std::string message_json(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string out;
  if (!google::protobuf::util::MessageToJsonString(message, &out, options).ok()) {
    throw Error(ErrorCode::kInternal, "a message could not be written as JSON");
  }
  return out;
}

std::string json_quote(std::string_view text) { return store::json_string(text); }

namespace {

std::string counts(const std::vector<store::Count>& rows, std::string_view key, std::string_view sub) {
  std::string out = "[";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i) out += ",";
    out += "{" + json_quote(key) + ":" + json_quote(rows[i].key);
    if (!sub.empty()) out += "," + json_quote(sub) + ":" + json_quote(rows[i].sub);
    out += ",\"n\":" + std::to_string(rows[i].n) + "}";
  }
  return out + "]";
}

}  // namespace

std::string stats_json(const store::Stats& s) {
  return "{\"reports\":" + std::to_string(s.reports) + ",\"devices\":" + std::to_string(s.devices) +
         ",\"devices_outdated\":" + std::to_string(s.devices_outdated) +
         ",\"devices_security_fix\":" + std::to_string(s.devices_security_fix) +
         ",\"by_model\":" + counts(s.by_model, "model", "") +
         ",\"by_firmware\":" + counts(s.by_firmware, "model", "firmware") +
         ",\"by_verdict\":" + counts(s.by_verdict, "verdict", "") + ",\"by_code\":" + counts(s.by_code, "code", "") +
         ",\"by_week\":" + counts(s.by_week, "week", "") +
         ",\"top_findings_per_model\":" + counts(s.top_findings_per_model, "model", "code") + "}";
}

}  // namespace cc::service
