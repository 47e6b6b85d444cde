// The store's behaviour, the same on SQLite and PostgreSQL.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <functional>
#include <span>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "backends.hpp"
#include "core/error.hpp"
#include "report/seal.hpp"
#include "store/columns.hpp"
#include "store/export.hpp"
#include "store/schema.hpp"
#include "store/sealed_bytes.hpp"
#include "support/sample_reports.hpp"

namespace cc::store {
namespace {

namespace rp = ::coldcheck::report;

using StoreTest = BackendTest;

std::int64_t count_rows(Connection& c, const std::string& sql) {
  std::int64_t n = -1;
  c.prepare(sql)->run({}, [&](const Row& row) { n = as_int(row[0]); });
  return n;
}

std::vector<rp::Report> samples(std::size_t n, std::uint64_t seed = 1) {
  testing::SampleReports gen(seed, 50);
  std::vector<rp::Report> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(gen.next());
  return out;
}

TEST_P(StoreTest, KeepsTheSealedBytesAndDerivedColumns) {
  auto store = open_store();
  const auto reports = samples(20);
  std::map<std::int64_t, const rp::Report*> by_id;
  for (const auto& r : reports) {
    const auto put = store->put(r);
    EXPECT_TRUE(put.inserted);
    by_id[put.id] = &r;
  }
  ASSERT_EQ(by_id.size(), reports.size());
  for (const auto& [id, r] : by_id) {
    const auto back = store->get(id);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(sealed_bytes(*back), sealed_bytes(*r));
  }
  for (const auto& s : store->list({})) {
    const auto want = columns_of(*by_id.at(s.id));
    EXPECT_EQ(s.digest, want.digest);
    EXPECT_EQ(s.created, want.created);
    EXPECT_EQ(s.week, iso_week(want.created));
    EXPECT_EQ(s.model, want.model);
    EXPECT_EQ(s.firmware, want.firmware);
    EXPECT_EQ(s.verdict, want.verdict);
    EXPECT_EQ(s.catalog_date, want.catalog_date);
    EXPECT_EQ(s.codes, want.codes);
  }
  // Child rows: one per finding and per check.
  std::size_t findings = 0, checks = 0;
  for (const auto& r : reports) {
    findings += static_cast<std::size_t>(r.body().findings_size());
    checks += columns_of(r).checks.size();
  }
  EXPECT_EQ(count_rows(store->connection(), "SELECT COUNT(*) FROM findings"), static_cast<std::int64_t>(findings));
  EXPECT_EQ(count_rows(store->connection(), "SELECT COUNT(*) FROM checks"), static_cast<std::int64_t>(checks));
  EXPECT_FALSE(store->get(999999).has_value());
}

TEST_P(StoreTest, TheSameReportTwiceIsStoredOnce) {
  auto store = open_store();
  const auto r = samples(1).front();
  const auto first = store->put(r);
  const auto second = store->put(r);
  EXPECT_TRUE(first.inserted);
  EXPECT_FALSE(second.inserted);
  EXPECT_EQ(first.id, second.id);
  // Within one batch too.
  const std::vector<rp::Report> twice = {samples(2, 7)[1], samples(2, 7)[1]};
  const auto results = store->put_many(twice);
  EXPECT_TRUE(results[0].inserted);
  EXPECT_FALSE(results[1].inserted);
  EXPECT_EQ(results[0].id, results[1].id);
  EXPECT_EQ(store->count(), 2);
}

TEST_P(StoreTest, RefusesAReportThatIsNotIntactAndKeepsNothingOfItsBatch) {
  auto store = open_store();
  auto batch = samples(5);
  batch[3].mutable_body()->mutable_device()->mutable_facts()->set_firmware_version("9.9.9");  // after sealing
  try {
    store->put_many(batch);
    FAIL() << "a tampered report was stored";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kVerificationFailed);
  }
  EXPECT_EQ(store->count(), 0);
  EXPECT_EQ(count_rows(store->connection(), "SELECT COUNT(*) FROM findings"), 0);
}

TEST_P(StoreTest, ListFiltersByModelCodeVerdictAndDate) {
  auto store = open_store();
  const auto reports = samples(200, 3);
  store->put_many(reports);
  const auto all = store->list({});
  ASSERT_EQ(all.size(), reports.size());
  ASSERT_TRUE(
      std::is_sorted(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.created < b.created; }));

  auto expect_filter = [&](const Filter& f, const std::function<bool(const Columns&)>& match) {
    std::set<std::string> want;
    for (const auto& r : reports) {
      if (match(columns_of(r))) want.insert(r.integrity().digest_hex());
    }
    std::set<std::string> got;
    for (const auto& s : store->list(f)) got.insert(s.digest);
    EXPECT_EQ(got, want);
    return want.size();
  };
  Filter by_model;
  by_model.model = "trezor-one";
  EXPECT_GT(expect_filter(by_model, [](const Columns& c) { return c.model == "trezor-one"; }), 0u);
  Filter by_code;
  by_code.code = "CC-FW-OUTDATED";
  EXPECT_GT(
      expect_filter(by_code,
                    [](const Columns& c) { return std::count(c.codes.begin(), c.codes.end(), "CC-FW-OUTDATED") > 0; }),
      0u);
  Filter by_verdict;
  by_verdict.verdict = "attention";
  EXPECT_GT(expect_filter(by_verdict, [](const Columns& c) { return c.verdict == "attention"; }), 0u);
  Filter since;
  since.since = "2026-07-01";
  const auto n = expect_filter(since, [](const Columns& c) { return c.created >= "2026-07-01"; });
  EXPECT_GT(n, 0u);
  EXPECT_LT(n, reports.size());
  Filter combined = by_code;
  combined.since = "2026-07-01";
  combined.model = "trezor-one";
  expect_filter(combined, [](const Columns& c) {
    return c.model == "trezor-one" && c.created >= "2026-07-01" &&
           std::count(c.codes.begin(), c.codes.end(), "CC-FW-OUTDATED") > 0;
  });
  Filter limited;
  limited.limit = 7;
  EXPECT_EQ(store->list(limited).size(), 7u);
}

TEST_P(StoreTest, PurgeRemovesOldReportsWithTheirRows) {
  auto store = open_store();
  const auto reports = samples(100, 4);
  store->put_many(reports);
  std::size_t old = 0;
  for (const auto& r : reports) old += r.body().run().created_at() < "2026-04-01" ? 1u : 0u;
  ASSERT_GT(old, 0u);
  EXPECT_EQ(store->purge_before("2026-04-01"), static_cast<std::int64_t>(old));
  EXPECT_EQ(store->count(), static_cast<std::int64_t>(reports.size() - old));
  for (const auto& s : store->list({})) EXPECT_GE(s.created, "2026-04-01");
  // The stats summaries count only what is left.
  const auto stats = store->stats();
  EXPECT_EQ(stats.reports, static_cast<std::int64_t>(reports.size() - old));
  std::int64_t in_weeks = 0;
  for (const auto& w : stats.by_week) {
    EXPECT_GE(w.key, "2026-W13");
    in_weeks += w.n;
  }
  EXPECT_EQ(in_weeks, stats.reports);
  auto& c = store->connection();
  EXPECT_EQ(count_rows(c,
                       "SELECT COUNT(*) FROM findings f WHERE NOT EXISTS "
                       "(SELECT 1 FROM reports r WHERE r.id = f.report_id)"),
            0);
  EXPECT_EQ(count_rows(c,
                       "SELECT COUNT(*) FROM checks k WHERE NOT EXISTS "
                       "(SELECT 1 FROM reports r WHERE r.id = k.report_id)"),
            0);
}

TEST_P(StoreTest, StatsCountWhatWasStored) {
  auto store = open_store();
  const auto reports = samples(300, 5);
  store->put_many(reports);
  std::map<std::string, std::int64_t> model, verdict, code, week, firmware;
  std::set<std::string> devices, outdated, security;
  std::map<std::pair<std::string, std::string>, std::int64_t> per_model;
  for (const auto& r : reports) {
    const auto c = columns_of(r);
    ++model[c.model];
    ++verdict[c.verdict];
    ++week[c.week];
    ++firmware[c.model + "/" + c.firmware];
    if (!c.device.empty()) devices.insert(c.device);
    for (const auto& k : c.codes) {
      ++code[k];
      ++per_model[{c.model, k}];
      if (k == "CC-FW-OUTDATED" && !c.device.empty()) outdated.insert(c.device);
      if (k == "CC-FW-SECURITY-FIX" && !c.device.empty()) security.insert(c.device);
    }
  }
  const auto s = store->stats();
  EXPECT_EQ(s.reports, 300);
  EXPECT_EQ(s.devices, static_cast<std::int64_t>(devices.size()));
  EXPECT_EQ(s.devices_outdated, static_cast<std::int64_t>(outdated.size()));
  EXPECT_EQ(s.devices_security_fix, static_cast<std::int64_t>(security.size()));
  EXPECT_GT(s.devices_outdated, 0);
  auto as_map = [](const std::vector<Count>& counts, bool two) {
    std::map<std::string, std::int64_t> m;
    for (const auto& c : counts) m[two ? c.key + "/" + c.sub : c.key] = c.n;
    return m;
  };
  EXPECT_EQ(as_map(s.by_model, false), model);
  EXPECT_EQ(as_map(s.by_verdict, false), verdict);
  EXPECT_EQ(as_map(s.by_code, false), code);
  EXPECT_EQ(as_map(s.by_week, false), week);
  EXPECT_EQ(as_map(s.by_firmware, true), firmware);
  // Most common first, at most three per model, each count right.
  std::map<std::string, int> seen;
  std::map<std::string, std::int64_t> last;
  for (const auto& c : s.top_findings_per_model) {
    EXPECT_LE(++seen[c.key], 3);
    EXPECT_EQ(c.n, (per_model[{c.key, c.sub}]));
    if (last.count(c.key)) {
      EXPECT_LE(c.n, last[c.key]);
    }
    last[c.key] = c.n;
  }
  EXPECT_FALSE(s.top_findings_per_model.empty());
  ASSERT_FALSE(s.by_model.empty());
  EXPECT_GE(s.by_model.front().n, s.by_model.back().n);
}

TEST_P(StoreTest, ExportsEveryReportAsJsonLinesAndCsv) {
  auto store = open_store();
  const auto reports = samples(30, 6);
  store->put_many(reports);
  std::ostringstream jsonl, csv;
  EXPECT_EQ(export_jsonl(*store, {}, jsonl), 30u);
  EXPECT_EQ(export_csv(*store, {}, csv), 30u);
  std::istringstream lines(jsonl.str());
  std::string line;
  std::set<std::string> digests;
  while (std::getline(lines, line)) {
    ASSERT_EQ(line.front(), '{');
    const auto at = line.find("\"digest\":\"");
    ASSERT_NE(at, std::string::npos);
    digests.insert(line.substr(at + 10, 64));
    EXPECT_NE(line.find("\"report\":{"), std::string::npos);
  }
  std::set<std::string> want;
  for (const auto& r : reports) want.insert(r.integrity().digest_hex());
  EXPECT_EQ(digests, want);
  const auto text = csv.str();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 31);
  EXPECT_EQ(text.rfind("id,digest,created,week,model,firmware,verdict,catalog_date,codes\n", 0), 0u);
}

TEST_P(StoreTest, ANewerSchemaIsRefused) {
  {
    auto store = open_store();
    store->connection().exec("INSERT INTO schema_version (version) VALUES (99)");
  }
  try {
    open_store();
    FAIL() << "a store from a newer coldcheck was opened";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUnsupported);
    EXPECT_NE(std::string(e.what()).find("99"), std::string::npos);
  }
}

TEST_P(StoreTest, ReopeningKeepsEverything) {
  const auto reports = samples(10, 8);
  open_store()->put_many(reports);
  auto store = open_store();
  EXPECT_EQ(store->count(), 10);
  EXPECT_EQ(schema_version(store->connection()), kSchemaVersion);
  EXPECT_EQ(count_rows(store->connection(), "SELECT COUNT(*) FROM schema_version"), kSchemaVersion);
}

TEST_P(StoreTest, WritersInSeveralProcessesAtOnceLoseNothing) {
  const auto reports = samples(600, 9);
  open_store();  // the schema, before the writers race
  // Two desks importing overlapping halves in batches, one diagnose-like writer storing
  // single reports, all at once.
  std::vector<pid_t> children;
  auto spawn = [&](const std::function<void(Store&)>& work) {
    const pid_t pid = fork();
    if (pid == 0) {
      try {
        auto store = open_store();
        work(*store);
        _exit(0);
      } catch (...) {
        _exit(3);
      }
    }
    children.push_back(pid);
  };
  spawn([&](Store& s) {
    for (std::size_t i = 0; i < 400; i += 40) s.put_many(std::span(reports.data() + i, 40));
  });
  spawn([&](Store& s) {
    for (std::size_t i = 200; i < 600; i += 40) s.put_many(std::span(reports.data() + i, 40));
  });
  spawn([&](Store& s) {
    for (std::size_t i = 0; i < 600; i += 7) s.put(reports[i]);
  });
  for (const pid_t pid : children) {
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "a writer failed";
  }
  auto store = open_store();
  EXPECT_EQ(store->count(), 600);
  std::set<std::string> digests;
  for (const auto& s : store->list({})) digests.insert(s.digest);
  EXPECT_EQ(digests.size(), 600u);
  EXPECT_EQ(store->stats().reports, 600);  // the summaries counted each report once
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres), backend_name);

}  // namespace
}  // namespace cc::store
