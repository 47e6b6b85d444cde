// Every earlier schema version, filled the way that version stored reports, migrates to
// the latest without losing or changing anything, and the new derived columns are filled.
#include <gtest/gtest.h>

#include "backends.hpp"
#include "store/columns.hpp"
#include "store/schema.hpp"
#include "store/sealed_bytes.hpp"
#include "support/sample_reports.hpp"

namespace cc::store {
namespace {

namespace rp = ::coldcheck::report;

using MigrationTest = BackendTest;

// Stores a report as schema `version` did (only the columns it had).
void insert_as(Connection& c, int version, const rp::Report& r) {
  const auto col = columns_of(r);
  std::string sql = "INSERT INTO reports (digest, created, model, firmware, verdict, device, sealed";
  std::vector<Value> params = {col.digest, col.created,          col.model, col.firmware, col.verdict,
                               col.device, Blob{sealed_bytes(r)}};
  if (version >= 2) {
    sql += ", catalog_date, week) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
    params.emplace_back(col.catalog_date);
    params.emplace_back(col.week);
  } else {
    sql += ") VALUES ($1, $2, $3, $4, $5, $6, $7)";
  }
  std::int64_t id = 0;
  c.prepare(sql + " RETURNING id")->run(params, [&](const Row& row) { id = as_int(row[0]); });
  auto finding = c.prepare("INSERT INTO findings (report_id, position, code) VALUES ($1, $2, $3)");
  for (std::size_t i = 0; i < col.codes.size(); ++i) finding->run({id, static_cast<std::int64_t>(i), col.codes[i]});
  auto check = c.prepare("INSERT INTO checks (report_id, position, check_id, status) VALUES ($1, $2, $3, $4)");
  for (std::size_t i = 0; i < col.checks.size(); ++i) {
    check->run({id, static_cast<std::int64_t>(i), col.checks[i].first, col.checks[i].second});
  }
}

TEST_P(MigrationTest, FromEveryEarlierVersionNothingIsLost) {
  for (int from = 1; from < kSchemaVersion; ++from) {
    SCOPED_TRACE("from schema version " + std::to_string(from));
    testing::SampleReports gen(100 + static_cast<std::uint64_t>(from), 20);
    std::vector<rp::Report> reports;
    for (int i = 0; i < 40; ++i) reports.push_back(gen.next());
    {
      auto c = connect();
      c->exec(
          "DROP TABLE IF EXISTS checks; DROP TABLE IF EXISTS findings; DROP TABLE IF EXISTS reports; "
          "DROP TABLE IF EXISTS schema_version; DROP TABLE IF EXISTS tallies; DROP TABLE IF EXISTS devices;");
      migrate(*c, from);
      ASSERT_EQ(schema_version(*c), from);
      WriteTransaction tx(*c);
      for (const auto& r : reports) insert_as(*c, from, r);
      tx.commit();
    }
    auto store = open_store();  // migrates to the latest
    auto& c = store->connection();
    EXPECT_EQ(schema_version(c), kSchemaVersion);
    ASSERT_EQ(store->count(), static_cast<std::int64_t>(reports.size()));
    const auto listed = store->list({});
    std::map<std::string, Summary> by_digest;
    for (const auto& s : listed) by_digest[s.digest] = s;
    for (const auto& r : reports) {
      const auto want = columns_of(r);
      ASSERT_TRUE(by_digest.count(want.digest));
      const auto& s = by_digest[want.digest];
      EXPECT_EQ(s.created, want.created);
      EXPECT_EQ(s.model, want.model);
      EXPECT_EQ(s.firmware, want.firmware);
      EXPECT_EQ(s.verdict, want.verdict);
      EXPECT_EQ(s.codes, want.codes);
      EXPECT_EQ(s.catalog_date, want.catalog_date);  // filled from the sealed bytes
      EXPECT_EQ(s.week, want.week);
      const auto back = store->get(s.id);
      ASSERT_TRUE(back.has_value());
      EXPECT_EQ(sealed_bytes(*back), sealed_bytes(r));
    }
    // The stats summaries were built from the old rows: the same as storing these
    // reports into a new store.
    {
      auto fresh_connection = open_sqlite((dir() / ("fresh" + std::to_string(from) + ".db")).string());
      Store fresh(std::move(fresh_connection));
      fresh.put_many(reports);
      const auto want = fresh.stats();
      const auto got = store->stats();
      EXPECT_EQ(got.reports, want.reports);
      EXPECT_EQ(got.devices, want.devices);
      EXPECT_EQ(got.devices_outdated, want.devices_outdated);
      EXPECT_EQ(got.devices_security_fix, want.devices_security_fix);
      auto same = [](const std::vector<Count>& a, const std::vector<Count>& b) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
          if (a[i].key != b[i].key || a[i].sub != b[i].sub || a[i].n != b[i].n) return false;
        }
        return true;
      };
      EXPECT_TRUE(same(got.by_model, want.by_model));
      EXPECT_TRUE(same(got.by_firmware, want.by_firmware));
      EXPECT_TRUE(same(got.by_verdict, want.by_verdict));
      EXPECT_TRUE(same(got.by_code, want.by_code));
      EXPECT_TRUE(same(got.by_week, want.by_week));
      EXPECT_TRUE(same(got.top_findings_per_model, want.top_findings_per_model));
      EXPECT_GT(got.reports, 0);
    }
    std::int64_t checks = -1;
    c.prepare("SELECT COUNT(*) FROM checks")->run({}, [&](const Row& row) { checks = as_int(row[0]); });
    std::int64_t want_checks = 0;
    for (const auto& r : reports) want_checks += static_cast<std::int64_t>(columns_of(r).checks.size());
    EXPECT_EQ(checks, want_checks);
    // And a report stored after the migration lands next to them.
    EXPECT_TRUE(store->put(gen.next()).inserted);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, MigrationTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         backend_name);

}  // namespace
}  // namespace cc::store
