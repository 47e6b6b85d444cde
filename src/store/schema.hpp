#pragma once
// The store's schema and its forward-only migrations. A migration only adds (tables,
// columns, indexes) and fills new derived columns from the sealed bytes; it never drops
// or rewrites what is there. Each applied version is a row in schema_version.
#include "store/db.hpp"

namespace cc::store {

inline constexpr int kSchemaVersion = 3;

// The version the database is at; 0 for an empty database.
int schema_version(Connection& c);

// Brings the database up to `target` (default: the latest), one version per
// transaction. Throws Error{kUnsupported} for a database newer than this build.
void migrate(Connection& c, int target = kSchemaVersion);

}  // namespace cc::store
