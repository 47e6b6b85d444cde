#include "report/read_report.hpp"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/util/json_util.h>

#include <algorithm>

#include "core/bounded_file.hpp"
#include "core/error.hpp"
#include "report/html_embed.hpp"
#include "report/json_keys.hpp"

namespace cc::report {
namespace {

namespace rpt = ::coldcheck::report;

constexpr std::size_t kMaxReportBytes = 64u << 20;

std::string_view trim_front(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);  // UTF-8 byte order mark
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  return s;
}

std::string deterministic_bytes(const rpt::Report& report) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    report.SerializeToCodedStream(&coded);
  }
  return out;
}

rpt::Report parse_json(std::string_view json, std::string_view what) {
  if (auto key = first_duplicate_key(json)) {
    // Only printable ASCII of a crafted key reaches the terminal.
    key->resize(std::min<std::size_t>(key->size(), 40));
    for (char& c : *key) {
      if (c < 0x20 || c > 0x7E) c = '?';
    }
    throw Error(ErrorCode::kInvalidArgument, std::string(what) + " has the key \"" + *key +
                                                 "\" twice in one object; coldcheck never writes that (it was edited)");
  }
  rpt::Report report;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  const auto status = google::protobuf::util::JsonStringToMessage(std::string(json), &report, options);
  if (!status.ok()) {
    throw Error(ErrorCode::kInvalidArgument,
                std::string(what) + " is not a valid coldcheck report: " + std::string(status.message()));
  }
  return report;
}

bool looks_like_text(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 4096);
  for (char c : head) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\n' && c != '\r' && c != '\t') return false;
  }
  return true;
}

}  // namespace

rpt::Report parse_report(std::string_view bytes) {
  if (bytes.empty()) throw Error(ErrorCode::kInvalidArgument, "the report is empty");

  // Binary: a Report starts with field 1 (body) or 2 (integrity), length-delimited.
  if (bytes.front() == 0x0A || bytes.front() == 0x12) {
    rpt::Report report;
    if (report.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
      if (deterministic_bytes(report) != bytes) {
        throw Error(ErrorCode::kInvalidArgument,
                    "the binary report is not in the form coldcheck writes (it was edited or damaged)");
      }
      return report;
    }
    if (!looks_like_text(bytes)) {
      throw Error(ErrorCode::kInvalidArgument,
                  "the binary report cannot be parsed (it is damaged or not a coldcheck report)");
    }
  }

  const std::string_view text = trim_front(bytes);
  if (!text.empty() && text.front() == '{') return parse_json(text, "the JSON");
  if (!text.empty() && text.front() == '<') {
    const auto json = extract_embedded_report(text);
    if (!json) {
      throw Error(ErrorCode::kInvalidArgument,
                  "this HTML page holds no embedded coldcheck report (or more than one); use the page coldcheck wrote");
    }
    return parse_json(*json, "the report embedded in the HTML page");
  }
  if (looks_like_text(bytes) && bytes.substr(0, 512).find("coldcheck") != std::string_view::npos) {
    throw Error(ErrorCode::kInvalidArgument, "the text format is for reading; use the .json, .html or .pb file");
  }
  throw Error(ErrorCode::kInvalidArgument,
              "not a coldcheck report (expected a .json, .html or .pb file coldcheck wrote)");
}

std::string read_report_bytes(const std::filesystem::path& path) {
  return read_bounded_file(path, kMaxReportBytes, "report");
}

rpt::Report read_report(const std::filesystem::path& path) {
  const std::string bytes = read_report_bytes(path);
  try {
    return parse_report(bytes);
  } catch (const Error& e) {
    throw e.with_context(path.string());
  }
}

}  // namespace cc::report
