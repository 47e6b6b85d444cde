#include "store/schema.hpp"

#include <string>

#include "core/error.hpp"
#include "store/columns.hpp"
#include "store/sealed_bytes.hpp"

namespace cc::store {

std::string dialect_sql(const Connection& c, std::string sql) {
  const bool pg = c.dialect() == Dialect::kPostgres;
  auto replace = [&](std::string_view token, std::string_view with) {
    for (auto at = sql.find(token); at != std::string::npos; at = sql.find(token, at + with.size())) {
      sql.replace(at, token.size(), with);
    }
  };
  replace("{ID}", pg ? "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY");
  replace("{REF}", pg ? "BIGINT" : "INTEGER");
  replace("{BLOB}", pg ? "BYTEA" : "BLOB");
  replace("{MAX2}", pg ? "GREATEST" : "MAX");
  return sql;
}

void rebuild_summaries(Connection& c) {
  c.exec(R"sql(
DELETE FROM tallies;
DELETE FROM devices;
INSERT INTO tallies (dimension, name, sub, n) SELECT 'model', model, '', COUNT(*) FROM reports GROUP BY model;
INSERT INTO tallies (dimension, name, sub, n)
  SELECT 'firmware', model, firmware, COUNT(*) FROM reports GROUP BY model, firmware;
INSERT INTO tallies (dimension, name, sub, n) SELECT 'verdict', verdict, '', COUNT(*) FROM reports GROUP BY verdict;
INSERT INTO tallies (dimension, name, sub, n) SELECT 'week', week, '', COUNT(*) FROM reports GROUP BY week;
INSERT INTO tallies (dimension, name, sub, n) SELECT 'code', code, '', COUNT(*) FROM findings GROUP BY code;
INSERT INTO tallies (dimension, name, sub, n)
  SELECT 'model_code', r.model, f.code, COUNT(*) FROM findings f JOIN reports r ON r.id = f.report_id
  GROUP BY r.model, f.code;
INSERT INTO devices (device, outdated, security_fix)
  SELECT r.device,
         MAX(CASE WHEN f.code = 'CC-FW-OUTDATED' THEN 1 ELSE 0 END),
         MAX(CASE WHEN f.code = 'CC-FW-SECURITY-FIX' THEN 1 ELSE 0 END)
  FROM reports r LEFT JOIN findings f ON f.report_id = r.id
  WHERE r.device <> '' GROUP BY r.device;
)sql");
}

namespace {

// Version 1: the reports, their finding codes and check results.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE reports (
  id {ID},
  digest TEXT NOT NULL UNIQUE,
  created TEXT NOT NULL,
  model TEXT NOT NULL,
  firmware TEXT NOT NULL,
  verdict TEXT NOT NULL,
  device TEXT NOT NULL,
  sealed {BLOB} NOT NULL
);
CREATE TABLE findings (
  report_id {REF} NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  PRIMARY KEY (report_id, position)
);
CREATE TABLE checks (
  report_id {REF} NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  check_id TEXT NOT NULL,
  status TEXT NOT NULL,
  PRIMARY KEY (report_id, position)
);
CREATE INDEX reports_created ON reports(created);
)sql";

// Version 2: the catalog date and the ISO week, filled from the sealed bytes.
constexpr std::string_view kVersion2 = R"sql(
ALTER TABLE reports ADD COLUMN catalog_date TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN week TEXT NOT NULL DEFAULT '';
)sql";

// Version 3: what `reports stats` reads, kept as running totals (tallies) and one row
// per device, so stats cost the same for a thousand reports or a million and an import
// updates a few hot rows instead of several indexes at random keys.
constexpr std::string_view kVersion3 = R"sql(
CREATE TABLE tallies (
  dimension TEXT NOT NULL,
  name TEXT NOT NULL,
  sub TEXT NOT NULL,
  n {REF} NOT NULL,
  PRIMARY KEY (dimension, name, sub)
);
CREATE TABLE devices (
  device TEXT NOT NULL PRIMARY KEY,
  outdated INTEGER NOT NULL,
  security_fix INTEGER NOT NULL
);
)sql";

void fill_version2(Connection& c) {
  auto select = c.prepare("SELECT id, sealed FROM reports");
  auto update = c.prepare("UPDATE reports SET catalog_date = $1, week = $2 WHERE id = $3");
  std::vector<std::pair<std::int64_t, Columns>> filled;
  select->run(
      {}, [&](const Row& row) { filled.emplace_back(as_int(row[0]), columns_of(sealed_from_bytes(as_text(row[1])))); });
  for (const auto& [id, cols] : filled) update->run({cols.catalog_date, cols.week, id});
}

void apply(Connection& c, int version) {
  switch (version) {
    case 1:
      c.exec(dialect_sql(c, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY)"));
      c.exec(dialect_sql(c, std::string(kVersion1)));
      break;
    case 2:
      c.exec(dialect_sql(c, std::string(kVersion2)));
      fill_version2(c);
      break;
    case 3:
      c.exec(dialect_sql(c, std::string(kVersion3)));
      rebuild_summaries(c);
      break;
    default: throw Error(ErrorCode::kInternal, "no migration to schema version " + std::to_string(version));
  }
  c.prepare("INSERT INTO schema_version (version) VALUES ($1)")->run({std::int64_t{version}});
}

bool has_version_table(Connection& c) {
  bool found = false;
  const char* sql = c.dialect() == Dialect::kPostgres
                        ? "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() "
                          "AND table_name = 'schema_version'"
                        : "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";
  c.prepare(sql)->run({}, [&](const Row&) { found = true; });
  return found;
}

}  // namespace

int schema_version(Connection& c) {
  if (!has_version_table(c)) return 0;
  int version = 0;
  c.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_version")->run({}, [&](const Row& row) {
    version = static_cast<int>(as_int(row[0]));
  });
  return version;
}

void migrate(Connection& c, int target) {
  for (;;) {
    WriteTransaction tx(c);
    // Two processes opening a new store at once: the second waits, then sees the work done.
    if (c.dialect() == Dialect::kPostgres) c.exec("SELECT pg_advisory_xact_lock(7243501)");
    const int current = schema_version(c);
    if (current > kSchemaVersion) {
      throw Error(ErrorCode::kUnsupported, "the store has schema version " + std::to_string(current) +
                                               ", newer than this coldcheck knows (" + std::to_string(kSchemaVersion) +
                                               "): update coldcheck");
    }
    if (current >= target) return;
    apply(c, current + 1);
    tx.commit();
  }
}

}  // namespace cc::store
