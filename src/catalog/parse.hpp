#pragma once
// One catalog file -> one Model, remembering where its fields sit so that validation
// errors can point at a line.
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "catalog/location.hpp"

namespace cc::catalog {

struct ParsedFile {
  std::string name;
  Model model;
  Location start;  // first field of the file
  Location id;
  Location model_name;
  Location protocol;
  Location features_match;
  std::vector<Location> usb;  // one per usb { } block
  std::vector<Location> capabilities;
};

// Throws Error{kInvalidArgument} "<name>:<line>:<column>: <reason>" on a syntax error,
// an unknown field or an unknown enum value.
ParsedFile parse_file(const NamedText& file);

// catalog.textproto -> CatalogInfo: same errors; also requires a dotted-number version,
// a YYYY-MM-DD date and schema kSchema.
CatalogInfo parse_info(const NamedText& file);

// True for a real calendar date written YYYY-MM-DD.
bool is_iso_date(std::string_view text);

}  // namespace cc::catalog
