#pragma once
// Rules a catalog must satisfy beyond parsing: per file, then across files.
#include <vector>

#include "catalog/parse.hpp"

namespace cc::catalog {

// Throws Error{kInvalidArgument} "<name>:<line>:<column>: <reason>" for the first
// broken rule. Cross-file conflicts name both files.
void validate(const std::vector<ParsedFile>& files);

// Lower-case letters and digits in dash-separated words: "trezor-safe-3".
bool is_slug(std::string_view id) noexcept;

}  // namespace cc::catalog
