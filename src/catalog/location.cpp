#include "catalog/location.hpp"

namespace cc::catalog {

std::string where(std::string_view name, Location loc) {
  std::string out(name);
  if (loc.line > 0) {
    out += ':' + std::to_string(loc.line) + ':' + std::to_string(loc.column);
  }
  return out;
}

Error file_error(std::string_view name, Location loc, std::string_view reason) {
  std::string msg = where(name, loc);
  msg += ": ";
  msg += reason;
  return Error(ErrorCode::kInvalidArgument, msg);
}

}  // namespace cc::catalog
