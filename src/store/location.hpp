#pragma once
// Where the store lives, as a person writes it after --store: a file path (SQLite),
// "sqlite:PATH", or a PostgreSQL connection URI "postgresql://..." / "postgres://...".
#include <filesystem>
#include <string>
#include <string_view>

namespace cc::store {

struct Location {
  enum class Kind { kSqlite, kPostgres };
  Kind kind = Kind::kSqlite;
  std::string target;  // the file path, or the URI as given
};

// Throws Error{kInvalidArgument} for an empty location, a NUL byte, an unknown URI
// scheme ("mysql://..."), or a PostgreSQL URI without anything after the scheme.
Location parse_location(std::string_view text);

// $XDG_DATA_HOME/coldcheck/reports.db, else ~/.local/share/coldcheck/reports.db.
std::filesystem::path default_store_path();

// The location for messages: a PostgreSQL URI with its password replaced by "***".
std::string display_location(const Location& location);

}  // namespace cc::store
