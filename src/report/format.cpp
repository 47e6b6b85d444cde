#include "report/format.hpp"

#include <string>

#include "core/error.hpp"

namespace cc::report {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

Format parse_format(std::string_view name) {
  const std::string n = lower(name);
  if (n == "text" || n == "txt") return Format::kText;
  if (n == "json") return Format::kJson;
  if (n == "html" || n == "htm") return Format::kHtml;
  if (n == "pb" || n == "binary" || n == "bin") return Format::kPb;
  throw Error(ErrorCode::kInvalidArgument,
              "unknown report format \"" + std::string(name) + "\" (use text, json, html or pb)");
}

Format format_from_extension(const std::filesystem::path& path) {
  const std::string ext = lower(path.extension().string());
  if (ext == ".txt" || ext == ".text") return Format::kText;
  if (ext == ".json") return Format::kJson;
  if (ext == ".html" || ext == ".htm") return Format::kHtml;
  if (ext == ".pb" || ext == ".bin") return Format::kPb;
  throw Error(ErrorCode::kInvalidArgument, "cannot tell the report format from the name " + path.filename().string() +
                                               " (use .txt, .json, .html or .pb, or give the format)");
}

std::string_view format_name(Format format) {
  switch (format) {
    case Format::kText: return "text";
    case Format::kJson: return "json";
    case Format::kHtml: return "html";
    case Format::kPb: return "pb";
  }
  return "unknown";
}

}  // namespace cc::report
