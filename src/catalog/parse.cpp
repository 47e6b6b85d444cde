#include "catalog/parse.hpp"

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

#include <algorithm>
#include <optional>
#include <string_view>

namespace cc::catalog {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::TextFormat;

// Keeps the first error only: later ones are usually consequences of it.
class FirstError : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, google::protobuf::io::ColumnNumber column, const std::string& message) override {
    if (!error_) {
      // protobuf counts from 0, editors from 1; -1 means "no position".
      Location loc = line >= 0 ? Location{line + 1, column + 1} : Location{};
      error_.emplace(loc, message);
    }
  }
  void AddWarning(int, google::protobuf::io::ColumnNumber, const std::string&) override {}

  const std::optional<std::pair<Location, std::string>>& error() const { return error_; }

 private:
  std::optional<std::pair<Location, std::string>> error_;
};

// protobuf reports an unknown enum value at the token after it (often the next line);
// point at the value itself by finding it backwards from there.
Location locate_enum_value(std::string_view text, Location reported, const std::string& message) {
  static constexpr std::string_view kPrefix = "Unknown enumeration value of \"";
  if (reported.line == 0 || !message.starts_with(kPrefix)) return reported;
  const std::size_t end = message.find('"', kPrefix.size());
  if (end == std::string::npos) return reported;
  const std::string_view value = std::string_view(message).substr(kPrefix.size(), end - kPrefix.size());

  std::size_t offset = 0;
  for (int line = 1; line < reported.line && offset < text.size(); ++line) {
    const std::size_t nl = text.find('\n', offset);
    offset = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  offset = std::min(text.size(), offset + static_cast<std::size_t>(reported.column - 1));
  const std::size_t found = text.substr(0, offset).rfind(value);
  if (found == std::string_view::npos) return reported;

  const std::size_t line_start = text.rfind('\n', found);
  const std::size_t column = found - (line_start == std::string_view::npos ? 0 : line_start + 1);
  const auto before = text.substr(0, found);
  const auto line = std::count(before.begin(), before.end(), '\n');
  return {static_cast<int>(line) + 1, static_cast<int>(column) + 1};
}

Location to_location(const TextFormat::ParseLocation& loc) {
  if (loc.line < 0) return {};
  return {loc.line + 1, loc.column + 1};
}

Location field_location(const TextFormat::ParseInfoTree& tree, const Descriptor& type, const char* field,
                        int index = -1) {
  return to_location(tree.GetLocation(type.FindFieldByName(field), index));
}

Location earliest(const std::vector<Location>& all) {
  Location best;
  for (const Location& loc : all) {
    if (loc.line == 0) continue;
    if (best.line == 0 || loc.line < best.line || (loc.line == best.line && loc.column < best.column)) {
      best = loc;
    }
  }
  return best;
}

}  // namespace

ParsedFile parse_file(const NamedText& file) {
  ParsedFile out;
  out.name = file.name;

  FirstError errors;
  TextFormat::ParseInfoTree tree;
  TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  parser.WriteLocationsTo(&tree);
  const bool ok = parser.ParseFromString(file.text, &out.model);
  if (errors.error()) {
    const auto& [loc, message] = *errors.error();
    throw file_error(file.name, locate_enum_value(file.text, loc, message), message);
  }
  if (!ok) throw file_error(file.name, {}, "not a valid coldcheck.catalog.Model");

  const Descriptor& type = *Model::descriptor();
  out.id = field_location(tree, type, "id");
  out.model_name = field_location(tree, type, "name");
  out.protocol = field_location(tree, type, "protocol");
  out.features_match = field_location(tree, type, "features_match");
  for (int i = 0; i < out.model.usb_size(); ++i) {
    out.usb.push_back(field_location(tree, type, "usb", i));
  }
  for (int i = 0; i < out.model.capabilities_size(); ++i) {
    out.capabilities.push_back(field_location(tree, type, "capabilities", i));
  }
  std::vector<Location> all = {out.id, out.model_name, out.protocol, out.features_match};
  all.insert(all.end(), out.usb.begin(), out.usb.end());
  all.insert(all.end(), out.capabilities.begin(), out.capabilities.end());
  for (const char* field : {"vendor", "message_table", "notes"}) {
    all.push_back(field_location(tree, type, field));
  }
  out.start = earliest(all);
  return out;
}

bool is_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (const std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  const auto num = [&](std::size_t at, std::size_t len) { return std::stoi(std::string(text.substr(at, len))); };
  const int year = num(0, 4), month = num(5, 2), day = num(8, 2);
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= (month == 2 && !leap ? 28 : kDays[static_cast<std::size_t>(month - 1)]);
}

CatalogInfo parse_info(const NamedText& file) {
  FirstError errors;
  TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  CatalogInfo info;
  const bool ok = parser.ParseFromString(file.text, &info);
  if (errors.error()) {
    const auto& [loc, message] = *errors.error();
    throw file_error(file.name, locate_enum_value(file.text, loc, message), message);
  }
  if (!ok) throw file_error(file.name, {}, "not a valid coldcheck.catalog.CatalogInfo");
  if (!compare_catalog_versions(info.version(), info.version())) {
    throw file_error(file.name, {}, "version \"" + info.version() + "\" is not dotted numbers (e.g. 2026.12.1)");
  }
  if (!is_iso_date(info.date())) throw file_error(file.name, {}, "date \"" + info.date() + "\" is not YYYY-MM-DD");
  if (info.schema() != kSchema) {
    throw file_error(
        file.name, {},
        "schema " + std::to_string(info.schema()) + " is not this build's schema " + std::to_string(kSchema));
  }
  return info;
}

}  // namespace cc::catalog
