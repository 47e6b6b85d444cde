#include "backends.hpp"

#include <cstdlib>

#include "support/postgres_server.hpp"

namespace cc::store {

void BackendTest::SetUp() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "cc-store-XXXXXX").string();
  ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
  dir_ = tmpl;
  if (GetParam() == Backend::kPostgres) {
    auto* server = test_support::PostgresServer::shared();
    if (!server)
      GTEST_SKIP() << "PostgreSQL backend not tested: " << test_support::PostgresServer::unavailable_reason();
    uri_ = server->create_database();
  }
}

void BackendTest::TearDown() {
  std::error_code ec;
  if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
}

Location BackendTest::location() const {
  if (GetParam() == Backend::kPostgres) return {Location::Kind::kPostgres, uri_};
  return {Location::Kind::kSqlite, (dir_ / "reports.db").string()};
}

std::unique_ptr<Connection> BackendTest::connect() {
  const auto where = location();
  return where.kind == Location::Kind::kPostgres ? open_postgres(where.target) : open_sqlite(where.target);
}

std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kPostgres ? "PostgreSQL" : "SQLite";
}

}  // namespace cc::store
