// SQLite durability: imports killed with SIGKILL at random points leave a database that
// passes integrity_check and holds every report wholly or not at all; writers in several
// processes at once lose nothing.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <span>
#include <thread>

#include <gtest/gtest.h>

#include "store/columns.hpp"
#include "store/db.hpp"
#include "store/schema.hpp"
#include "store/sealed_bytes.hpp"
#include "store/store.hpp"
#include "support/sample_reports.hpp"

namespace cc::store {
namespace {

namespace rp = ::coldcheck::report;
namespace fs = std::filesystem;

class SqliteFile : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "cc-crash-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    path_ = (dir_ / "reports.db").string();
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  fs::path dir_;
  std::string path_;
};

std::string single_text(Connection& c, const std::string& sql) {
  std::string out;
  c.prepare(sql)->run({}, [&](const Row& row) { out += as_text(row[0]) + "\n"; });
  return out;
}

// Every stored report has exactly the child rows its sealed bytes call for.
void expect_whole(Connection& c) {
  std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>> rows;  // id -> findings, checks
  c.prepare("SELECT report_id, COUNT(*) FROM findings GROUP BY report_id")->run({}, [&](const Row& r) {
    rows[as_int(r[0])].first = as_int(r[1]);
  });
  c.prepare("SELECT report_id, COUNT(*) FROM checks GROUP BY report_id")->run({}, [&](const Row& r) {
    rows[as_int(r[0])].second = as_int(r[1]);
  });
  std::size_t reports = 0;
  c.prepare("SELECT id, digest, sealed FROM reports")->run({}, [&](const Row& r) {
    ++reports;
    const auto report = sealed_from_bytes(as_text(r[2]));
    const auto cols = columns_of(report);
    EXPECT_EQ(as_text(r[1]), cols.digest);
    const auto& [findings, checks] = rows[as_int(r[0])];
    EXPECT_EQ(findings, static_cast<std::int64_t>(cols.codes.size())) << "report " << as_int(r[0]);
    EXPECT_EQ(checks, static_cast<std::int64_t>(cols.checks.size())) << "report " << as_int(r[0]);
  });
  // No orphans: child rows only for reports that exist.
  EXPECT_LE(rows.size(), reports);
}

// The child's whole life: open, store two batches, exit.
[[noreturn]] void child_import(const std::string& path, const std::vector<rp::Report>& reports) {
  try {
    Store store(open_sqlite(path));
    const std::size_t half = reports.size() / 2;
    store.put_many(std::span(reports.data(), half));
    store.put_many(std::span(reports.data() + half, reports.size() - half));
    _exit(0);
  } catch (...) {
    _exit(3);
  }
}

TEST_F(SqliteFile, PragmasAreSet) {
  auto c = open_sqlite(path_);
  EXPECT_EQ(single_text(*c, "PRAGMA journal_mode"), "wal\n");
  EXPECT_EQ(single_text(*c, "PRAGMA synchronous"), "2\n");  // FULL
  EXPECT_EQ(single_text(*c, "PRAGMA foreign_keys"), "1\n");
  EXPECT_NE(single_text(*c, "PRAGMA busy_timeout"), "0\n");
}

TEST_F(SqliteFile, ImportsKilledAtRandomPointsLeaveWholeReportsOnly) {
  constexpr int kKills = 1000;
  constexpr std::size_t kPerImport = 6;
  std::mt19937_64 rng(20261201);  // seeded: a failure can be replayed
  testing::SampleReports gen(42, 500);
  std::vector<std::vector<rp::Report>> imports(kKills);
  for (auto& batch : imports) {
    for (std::size_t i = 0; i < kPerImport; ++i) batch.push_back(gen.next());
  }
  // How long an import takes when nobody kills it, to kill within that span.
  auto run_child = [&](const std::vector<rp::Report>& batch, std::chrono::microseconds kill_after) {
    const pid_t pid = fork();
    if (pid == 0) child_import(path_, batch);
    if (kill_after.count() >= 0) {
      std::this_thread::sleep_for(kill_after);
      kill(pid, SIGKILL);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return status;
  };
  auto span = std::chrono::microseconds::max();
  for (int i = 0; i < 3; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    ASSERT_EQ(run_child(imports[0], std::chrono::microseconds(-1)), 0);
    // The quickest run: on a loaded machine the slow ones would let most imports finish.
    span = std::min(span, std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0));
  }

  int killed = 0;
  for (int i = 1; i < kKills; ++i) {
    const auto at = std::chrono::microseconds(static_cast<long>(rng() % static_cast<std::uint64_t>(span.count() + 1)));
    const int status = run_child(imports[static_cast<std::size_t>(i)], at);
    if (WIFSIGNALED(status)) ++killed;
    if (i % 250 == 0) {
      auto c = open_sqlite(path_);
      ASSERT_EQ(single_text(*c, "PRAGMA integrity_check"), "ok\n") << "after " << i << " kills";
    }
  }
  // How many kills landed before the import finished depends on the machine's load;
  // a tenth is plenty to exercise recovery, and the number is recorded for the log.
  RecordProperty("killed_mid_import", killed);
  EXPECT_GT(killed, kKills / 10) << "the kills mostly came too late to test anything";

  auto c = open_sqlite(path_);
  EXPECT_EQ(single_text(*c, "PRAGMA integrity_check"), "ok\n");
  EXPECT_EQ(single_text(*c, "PRAGMA foreign_key_check"), "");
  expect_whole(*c);
  // Each transaction (half an import) is there whole or not at all.
  std::set<std::string> stored;
  c->prepare("SELECT digest FROM reports")->run({}, [&](const Row& r) { stored.insert(as_text(r[0])); });
  for (const auto& batch : imports) {
    for (std::size_t half = 0; half < 2; ++half) {
      std::size_t present = 0;
      for (std::size_t i = half * kPerImport / 2; i < (half + 1) * kPerImport / 2; ++i) {
        present += stored.count(batch[i].integrity().digest_hex());
      }
      EXPECT_TRUE(present == 0 || present == kPerImport / 2) << present << " of a batch of " << kPerImport / 2;
    }
  }
  EXPECT_GT(stored.size(), kPerImport);  // some imports got through
  // The stats summaries moved with the rows: recounting them changes nothing.
  Store store(open_sqlite(path_));
  const auto kept = store.stats();
  {
    WriteTransaction tx(store.connection());
    rebuild_summaries(store.connection());
    tx.commit();
  }
  const auto recounted = store.stats();
  EXPECT_EQ(kept.reports, static_cast<std::int64_t>(stored.size()));
  EXPECT_EQ(kept.reports, recounted.reports);
  EXPECT_EQ(kept.devices, recounted.devices);
  EXPECT_EQ(kept.devices_outdated, recounted.devices_outdated);
  ASSERT_EQ(kept.by_code.size(), recounted.by_code.size());
  for (std::size_t i = 0; i < kept.by_code.size(); ++i) {
    EXPECT_EQ(kept.by_code[i].key, recounted.by_code[i].key);
    EXPECT_EQ(kept.by_code[i].n, recounted.by_code[i].n);
  }
  ASSERT_EQ(kept.by_week.size(), recounted.by_week.size());
  for (std::size_t i = 0; i < kept.by_week.size(); ++i) EXPECT_EQ(kept.by_week[i].n, recounted.by_week[i].n);
}

TEST_F(SqliteFile, WritersInSeveralProcessesAtOnceLoseNothing) {
  testing::SampleReports gen(7, 300);
  std::vector<rp::Report> reports;
  for (int i = 0; i < 900; ++i) reports.push_back(gen.next());
  { Store create(open_sqlite(path_)); }
  std::vector<pid_t> children;
  // Two desks importing overlapping halves in batches, and one diagnose-like writer
  // storing a report at a time.
  const std::pair<std::size_t, std::size_t> ranges[] = {{0, 600}, {300, 900}};
  for (const auto& [from, to] : ranges) {
    const pid_t pid = fork();
    if (pid == 0) {
      try {
        Store store(open_sqlite(path_));
        for (std::size_t i = from; i < to; i += 50) store.put_many(std::span(reports.data() + i, 50));
        _exit(0);
      } catch (...) {
        _exit(3);
      }
    }
    children.push_back(pid);
  }
  const pid_t single = fork();
  if (single == 0) {
    try {
      Store store(open_sqlite(path_));
      for (std::size_t i = 0; i < 900; i += 9) store.put(reports[i]);
      _exit(0);
    } catch (...) {
      _exit(3);
    }
  }
  children.push_back(single);
  for (const pid_t pid : children) {
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "a writer failed";
  }
  Store store(open_sqlite(path_));
  EXPECT_EQ(store.count(), 900);
  std::set<std::string> digests;
  for (const auto& s : store.list({})) digests.insert(s.digest);
  EXPECT_EQ(digests.size(), 900u);
  expect_whole(store.connection());
}

}  // namespace
}  // namespace cc::store
