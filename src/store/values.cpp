// Reading a cell as a number or as text; compiled into the store and into the
// PostgreSQL backend module, which both type their rows this way.
#include <string>
#include <variant>

#include "store/db.hpp"

namespace cc::store {

std::int64_t as_int(const Value& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (const auto* s = std::get_if<std::string>(&v)) return s->empty() ? 0 : std::stoll(*s);
  return 0;
}

std::string as_text(const Value& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (const auto* b = std::get_if<Blob>(&v)) return b->bytes;
  return {};
}

}  // namespace cc::store
