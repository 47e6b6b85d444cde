#pragma once
// The one entry point of the PostgreSQL backend module (coldcheck-store-postgres.so), the
// only piece that links libpq: the store loads it the first time a postgresql:// location
// is opened, so a program that never uses PostgreSQL never maps libpq and its chain.
// Module and program are built together from one tree, so C++ types cross the boundary.
#include "store/db.hpp"

namespace cc::store {

inline constexpr const char* kPostgresModuleFile = "coldcheck-store-postgres.so";
inline constexpr const char* kPostgresModuleEntry = "coldcheck_store_open_postgres";
// Connects with a libpq URI; the caller owns the result. Throws cc::Error on failure.
using OpenPostgresEntry = Connection* (*)(const char* uri);

}  // namespace cc::store
