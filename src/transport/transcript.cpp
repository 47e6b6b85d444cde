#include "transport/transcript.hpp"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <cmath>
#include <cstdio>

#include "core/error.hpp"
#include "core/hex.hpp"

namespace cc::transport {
namespace {

namespace pb = google::protobuf;

[[noreturn]] void fail(std::string_view what, std::size_t line, const std::string& reason) {
  throw Error(ErrorCode::kMalformed, std::string(what) + ": line " + std::to_string(line) + ": " + reason);
}

pb::Struct parse_object(std::string_view what, std::size_t line, std::string_view text) {
  pb::Struct object;
  pb::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  const auto status = pb::util::JsonStringToMessage(std::string(text), &object, options);
  if (!status.ok()) fail(what, line, "not a JSON object");
  return object;
}

const pb::Value* field(const pb::Struct& object, const std::string& name) {
  const auto it = object.fields().find(name);
  return it == object.fields().end() ? nullptr : &it->second;
}

std::string string_field(const pb::Struct& object, const std::string& name, std::string_view what, std::size_t line,
                         bool required) {
  const pb::Value* v = field(object, name);
  if (v == nullptr) {
    if (required) fail(what, line, "missing \"" + name + "\"");
    return {};
  }
  if (v->kind_case() != pb::Value::kStringValue) fail(what, line, "\"" + name + "\" is not a string");
  return v->string_value();
}

double number_field(const pb::Struct& object, const std::string& name, std::string_view what, std::size_t line) {
  const pb::Value* v = field(object, name);
  if (v == nullptr) fail(what, line, "missing \"" + name + "\"");
  if (v->kind_case() != pb::Value::kNumberValue) fail(what, line, "\"" + name + "\" is not a number");
  return v->number_value();
}

bool known_transport(std::string_view t) {
  return t == kTransportUdp || t == kTransportTcp || t == kTransportHid || t == kTransportWebUsb;
}

TranscriptHeader parse_header(std::string_view what, std::string_view text) {
  const pb::Struct object = parse_object(what, 1, text);
  TranscriptHeader h;
  h.format = string_field(object, "format", what, 1, true);
  if (h.format != kTranscriptFormat) {
    fail(what, 1, "format \"" + h.format.substr(0, 40) + "\" is not " + std::string(kTranscriptFormat));
  }
  h.transport = string_field(object, "transport", what, 1, true);
  if (!known_transport(h.transport)) fail(what, 1, "unknown transport \"" + h.transport.substr(0, 40) + "\"");
  h.device_path = string_field(object, "device_path", what, 1, false);
  h.device = string_field(object, "device", what, 1, false);
  h.firmware = string_field(object, "firmware", what, 1, false);
  h.client = string_field(object, "client", what, 1, false);
  h.scenario = string_field(object, "scenario", what, 1, false);
  h.notes = string_field(object, "notes", what, 1, false);
  return h;
}

TranscriptRecord parse_record(std::string_view what, std::size_t line, std::string_view text,
                              const TranscriptLimits& limits) {
  const pb::Struct object = parse_object(what, line, text);
  TranscriptRecord r;
  r.line = line;
  r.t_ms = number_field(object, "t_ms", what, line);
  if (!std::isfinite(r.t_ms) || r.t_ms < 0 || r.t_ms > 1e10) fail(what, line, "\"t_ms\" is out of range");
  const std::string dir = string_field(object, "dir", what, line, true);
  if (dir == "host>dev") {
    r.dir = Direction::kHostToDevice;
  } else if (dir == "dev>host") {
    r.dir = Direction::kDeviceToHost;
  } else {
    fail(what, line, "\"dir\" must be \"host>dev\" or \"dev>host\"");
  }
  const std::string hex = string_field(object, "hex", what, line, true);
  if (hex.size() > 2 * limits.max_record_bytes) fail(what, line, "record longer than the limit");
  try {
    r.bytes = from_hex(hex);
  } catch (const Error&) {
    fail(what, line, "\"hex\" is not an even number of hex digits");
  }
  if (r.bytes.empty()) fail(what, line, "\"hex\" is empty");
  const double conn = number_field(object, "conn", what, line);
  if (!(conn >= 1 && conn <= 1e6) || std::floor(conn) != conn)
    fail(what, line, "\"conn\" must be a whole number from 1");
  r.conn = static_cast<std::uint32_t>(conn);
  return r;
}

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(byte));
      out += escaped;
    } else {
      out += c;
    }
  }
  out += '"';
}

void append_member(std::string& out, std::string_view name, std::string_view value, bool& first) {
  if (value.empty() && name != "format" && name != "transport") return;
  out += first ? "" : ", ";
  first = false;
  append_json_string(out, name);
  out += ": ";
  append_json_string(out, value);
}

}  // namespace

std::string_view direction_name(Direction dir) noexcept {
  return dir == Direction::kHostToDevice ? "host>dev" : "dev>host";
}

Transcript parse_transcript(std::string_view text, std::string_view what, const TranscriptLimits& limits) {
  if (text.size() > limits.max_bytes) {
    throw Error(ErrorCode::kMalformed,
                std::string(what) + ": larger than " + std::to_string(limits.max_bytes) + " bytes");
  }
  Transcript out;
  std::size_t line = 0;
  std::size_t pos = 0;
  bool have_header = false;
  double last_t = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view row = text.substr(pos, end - pos);
    pos = end + 1;
    ++line;
    if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
    if (row.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank lines carry nothing
    if (!have_header) {
      if (line != 1) fail(what, line, "the header must be line 1");
      out.header = parse_header(what, row);
      have_header = true;
      continue;
    }
    if (out.records.size() >= limits.max_records) fail(what, line, "more records than the limit");
    auto record = parse_record(what, line, row, limits);
    if (record.t_ms + 1e-6 < last_t) fail(what, line, "\"t_ms\" goes backwards");
    last_t = record.t_ms;
    out.records.push_back(std::move(record));
  }
  if (!have_header) throw Error(ErrorCode::kMalformed, std::string(what) + ": empty; expected a header line");
  return out;
}

std::string format_transcript(const Transcript& transcript) {
  const auto& h = transcript.header;
  std::string out = "{";
  bool first = true;
  append_member(out, "format", h.format, first);
  append_member(out, "transport", h.transport, first);
  append_member(out, "device_path", h.device_path, first);
  append_member(out, "device", h.device, first);
  append_member(out, "firmware", h.firmware, first);
  append_member(out, "client", h.client, first);
  append_member(out, "scenario", h.scenario, first);
  append_member(out, "notes", h.notes, first);
  out += "}\n";
  for (const auto& r : transcript.records) {
    char t[32];
    std::snprintf(t, sizeof t, "%.1f", r.t_ms);
    out += "{\"t_ms\": ";
    out += t;
    out += ", \"dir\": \"";
    out += direction_name(r.dir);
    out += "\", \"hex\": \"";
    out += to_hex(r.bytes);
    out += "\", \"conn\": ";
    out += std::to_string(r.conn);
    out += "}\n";
  }
  return out;
}

}  // namespace cc::transport
