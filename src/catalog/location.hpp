#pragma once
// Where in a catalog file something sits, for "<name>:<line>:<column>: <reason>" errors.
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace cc::catalog {

struct Location {
  int line = 0;  // 1-based; 0 when unknown
  int column = 0;
};

// "name:line:col", or just "name" when the location is unknown.
std::string where(std::string_view name, Location loc);

// Error{kInvalidArgument} reading "<where>: <reason>".
Error file_error(std::string_view name, Location loc, std::string_view reason);

}  // namespace cc::catalog
