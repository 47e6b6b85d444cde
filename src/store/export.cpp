#include "store/export.hpp"

#include <cstdio>

#include <google/protobuf/util/json_util.h>

#include "core/error.hpp"

namespace cc::store {

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

std::string csv_field(std::string_view text) {
  std::string value(text);
  if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@')) {
    value.insert(0, "'");
  }
  if (value.find_first_of(",\"\r\n\t") == std::string::npos) return value;
  std::string out = "\"";
  for (const char c : value) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

namespace {

std::string summary_object(const Summary& s) {
  std::string out = "{\"id\":" + std::to_string(s.id) + ",\"digest\":" + json_string(s.digest) +
                    ",\"created\":" + json_string(s.created) + ",\"week\":" + json_string(s.week) +
                    ",\"model\":" + json_string(s.model) + ",\"firmware\":" + json_string(s.firmware) +
                    ",\"verdict\":" + json_string(s.verdict) + ",\"catalog_date\":" + json_string(s.catalog_date) +
                    ",\"codes\":[";
  for (std::size_t i = 0; i < s.codes.size(); ++i) out += (i ? "," : "") + json_string(s.codes[i]);
  return out + "]";
}

}  // namespace

std::string summaries_json(const std::vector<Summary>& summaries) {
  std::string out = "[";
  for (std::size_t i = 0; i < summaries.size(); ++i) out += (i ? ",\n " : "") + summary_object(summaries[i]) + "}";
  return out + "]\n";
}

std::size_t export_jsonl(Store& store, const Filter& filter, std::ostream& out) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::size_t n = 0;
  store.for_each(filter, [&](const Summary& s, const ::coldcheck::report::Report& report) {
    std::string json;
    if (!google::protobuf::util::MessageToJsonString(report, &json, options).ok()) {
      throw Error(ErrorCode::kInternal, "report " + std::to_string(s.id) + " does not convert to JSON");
    }
    out << summary_object(s) << ",\"report\":" << json << "}\n";
    ++n;
  });
  return n;
}

std::size_t export_csv(Store& store, const Filter& filter, std::ostream& out) {
  out << "id,digest,created,week,model,firmware,verdict,catalog_date,codes\n";
  std::size_t n = 0;
  store.for_each(filter, [&](const Summary& s, const ::coldcheck::report::Report&) {
    std::string codes;
    for (const auto& c : s.codes) codes += (codes.empty() ? "" : " ") + c;
    // "sha256:" says what the hex is, for people and for the secret guard alike.
    out << s.id << ',' << csv_field("sha256:" + s.digest) << ',' << csv_field(s.created) << ',' << csv_field(s.week)
        << ',' << csv_field(s.model) << ',' << csv_field(s.firmware) << ',' << csv_field(s.verdict) << ','
        << csv_field(s.catalog_date) << ',' << csv_field(codes) << "\n";
    ++n;
  });
  return n;
}

}  // namespace cc::store
