#pragma once
// The store's schema and its forward-only migrations. A migration only adds (tables,
// columns, indexes) and fills new derived columns from the sealed bytes; it never drops
// or rewrites what is there. Each applied version is a row in schema_version.
#include <string>

#include "store/db.hpp"

namespace cc::store {

inline constexpr int kSchemaVersion = 3;

// The version the database is at; 0 for an empty database.
int schema_version(Connection& c);

// Brings the database up to `target` (default: the latest), one version per
// transaction. Throws Error{kUnsupported} for a database newer than this build.
void migrate(Connection& c, int target = kSchemaVersion);

// `sql` with the few words the two dialects spell differently ({ID}, {REF}, {BLOB},
// {MAX2}) written out for `c`.
std::string dialect_sql(const Connection& c, std::string sql);

// Recomputes the stats summaries (tallies, devices) from the stored rows.
void rebuild_summaries(Connection& c);

}  // namespace cc::store
