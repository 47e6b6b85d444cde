// `coldcheck reports` end to end: real demo reports from `diagnose --demo`, imported by
// the real binary into a real store, queried, exported, purged; and nothing secret in
// the database file or any export.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "guard/secret_guard.hpp"
#include "sim/simulator.hpp"
#include "store/store.hpp"
#include "support/postgres_server.hpp"
#include "support/subprocess.hpp"

namespace cc {
namespace {

namespace fs = std::filesystem;
using test_support::run;
using ::testing::HasSubstr;
using ::testing::Not;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary);
  out << bytes;
}

class Reports : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cc-reports-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "inbox");
    store_ = (dir_ / "reports.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // One demo diagnosis written in all four formats into inbox/<scenario>/.
  void demo(const std::string& scenario, const std::string& lang = "en") {
    const auto out = dir_ / "inbox" / scenario;
    fs::create_directories(out);
    const auto r = run({test_support::coldcheck_binary(), "diagnose", "--demo", "--scenario", scenario, "--key",
                        (dir_ / "key").string(), "--out-dir", out.string(), "--lang", lang, "-q", "--no-store"},
                       std::chrono::seconds(60));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_THAT(r.out, Not(HasSubstr("report stored")));
  }

  test_support::RunResult reports(std::vector<std::string> args, const std::string& store = {}) {
    std::vector<std::string> argv = {test_support::coldcheck_binary(), "reports"};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.push_back("--store");
    argv.push_back(store.empty() ? store_ : store);
    return run(argv, std::chrono::seconds(120));
  }

  fs::path file_in(const std::string& scenario, const std::string& ext) {
    for (const auto& e : fs::directory_iterator(dir_ / "inbox" / scenario)) {
      if (e.path().extension() == ext) return e.path();
    }
    ADD_FAILURE() << "no " << ext << " for " << scenario;
    return {};
  }

  fs::path dir_;
  std::string store_;
};

TEST_F(Reports, ImportsAMixedFolderRefusingWhatIsNotIntact) {
  demo("outdated-trezor-one");
  demo("healthy-safe3", "zh-CN");
  demo("uninitialized");
  // A tampered copy (firmware version edited in the JSON), garbage, and a duplicate.
  std::string json = slurp(file_in("uninitialized", ".json"));
  const std::regex version("\"firmware_version\": \"[^\"]*\"");
  ASSERT_TRUE(std::regex_search(json, version));
  json = std::regex_replace(json, version, "\"firmware_version\": \"9.9.9\"", std::regex_constants::format_first_only);
  spit(dir_ / "inbox" / "tampered.json", json);
  spit(dir_ / "inbox" / "garbage.pb", "\x08\x96\x01 not a report");
  fs::create_directories(dir_ / "inbox" / "again");
  fs::copy_file(file_in("healthy-safe3", ".pb"), dir_ / "inbox" / "again" / "copy.pb");

  const auto r = reports({"import", (dir_ / "inbox").string()});
  EXPECT_EQ(r.exit_code, 12) << r.out << r.err;  // some were refused
  // 3 reports x (pb, json, html) + the copy: 3 stored, the other 7 the same digests.
  EXPECT_THAT(r.out, HasSubstr("15 files: 3 stored, 7 already in the store, 5 refused")) << r.out;
  EXPECT_THAT(r.out, HasSubstr("tampered.json: not intact"));
  EXPECT_THAT(r.out, HasSubstr("garbage.pb: "));
  EXPECT_THAT(r.out, HasSubstr(".txt: the text format is for reading"));
  EXPECT_EQ(r.err.find('\r'), std::string::npos) << "a progress bar was drawn without a terminal";

  // Importing again stores nothing new.
  const auto again = reports({"import", (dir_ / "inbox" / "outdated-trezor-one").string()});
  EXPECT_EQ(again.exit_code, 12);  // its .txt is still refused
  EXPECT_THAT(again.out, HasSubstr("4 files: 0 stored, 3 already in the store, 1 refused"));
  const auto list = reports({"list", "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(std::count(list.out.begin(), list.out.end(), '\n'), 3) << list.out;
}

TEST_F(Reports, ListShowExportStatsAndPurge) {
  demo("outdated-trezor-one");
  demo("healthy-model-t");
  ASSERT_EQ(reports({"import", (dir_ / "inbox" / "outdated-trezor-one").string(),
                     (dir_ / "inbox" / "healthy-model-t").string()})
                .exit_code,
            12);  // the .txt files

  const auto outdated = reports({"list", "--code", "CC-FW-OUTDATED"});
  ASSERT_EQ(outdated.exit_code, 0) << outdated.err;
  EXPECT_THAT(outdated.out, HasSubstr("trezor-one"));
  EXPECT_THAT(outdated.out, Not(HasSubstr("trezor-model-t")));
  EXPECT_EQ(std::count(outdated.out.begin(), outdated.out.end(), '\n'), 1);
  const auto id = outdated.out.substr(0, outdated.out.find(' '));

  const auto shown = reports({"show", id, "--format", "json"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_THAT(shown.out, HasSubstr("CC-FW-OUTDATED"));
  const auto zh = reports({"show", id, "--lang", "zh-CN"});
  ASSERT_EQ(zh.exit_code, 0) << zh.err;
  EXPECT_NE(zh.out, reports({"show", id, "--lang", "en"}).out);
  EXPECT_EQ(reports({"show", "999"}).exit_code, 3);

  const auto csv = reports({"export", "--format", "csv", "--out", (dir_ / "all.csv").string()});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  const auto csv_text = slurp(dir_ / "all.csv");
  EXPECT_EQ(std::count(csv_text.begin(), csv_text.end(), '\n'), 3);
  EXPECT_THAT(csv_text, HasSubstr("CC-FW-OUTDATED"));
  const auto jsonl = reports({"export", "--format", "jsonl", "--model", "trezor-model-t"});
  ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
  EXPECT_EQ(std::count(jsonl.out.begin(), jsonl.out.end(), '\n'), 1);
  EXPECT_THAT(jsonl.out, HasSubstr("\"model\":\"trezor-model-t\""));
  EXPECT_EQ(reports({"export", "--format", "xml"}).exit_code, 2);

  const auto stats = reports({"stats", "--lang", "en"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_THAT(stats.out, HasSubstr("Reports"));
  EXPECT_THAT(stats.out, HasSubstr("trezor-one"));
  EXPECT_THAT(stats.out, HasSubstr("CC-FW-OUTDATED"));
  EXPECT_THAT(stats.out, HasSubstr("Devices seen on outdated firmware"));
  const auto page = reports({"stats", "--format", "html", "--out", (dir_ / "stats.html").string()});
  ASSERT_EQ(page.exit_code, 0) << page.err;
  const auto html = slurp(dir_ / "stats.html");
  EXPECT_THAT(html, HasSubstr("<svg"));
  EXPECT_THAT(html, HasSubstr("default-src 'none'"));
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);

  EXPECT_EQ(reports({"purge", "--before", "yesterday"}).exit_code, 2);
  const auto purged = reports({"purge", "--before", "2100-01-01"});
  ASSERT_EQ(purged.exit_code, 0) << purged.err;
  EXPECT_THAT(purged.out, HasSubstr("2 reports deleted"));
  EXPECT_EQ(reports({"list"}).out, "");
}

TEST_F(Reports, DiagnoseStoresItsReportUnlessToldNot) {
  const auto stored = run({test_support::coldcheck_binary(), "diagnose", "--demo", "--scenario", "locked", "--key",
                           (dir_ / "key").string(), "--out", (dir_ / "r.json").string(), "-q", "--store", store_});
  ASSERT_EQ(stored.exit_code, 0) << stored.err;
  EXPECT_THAT(stored.out, HasSubstr("report stored: id 1 in " + store_));
  const auto skipped =
      run({test_support::coldcheck_binary(), "diagnose", "--demo", "--scenario", "locked", "--key",
           (dir_ / "key").string(), "--out", (dir_ / "s.json").string(), "-q", "--store", store_, "--no-store"});
  ASSERT_EQ(skipped.exit_code, 0) << skipped.err;
  EXPECT_THAT(skipped.out, Not(HasSubstr("report stored")));
  const auto list = reports({"list"});
  EXPECT_EQ(std::count(list.out.begin(), list.out.end(), '\n'), 1) << list.out;
  // A store that cannot be opened warns; the report file still stands.
  const auto broken =
      run({test_support::coldcheck_binary(), "diagnose", "--demo", "--scenario", "locked", "--key",
           (dir_ / "key").string(), "--out", (dir_ / "t.json").string(), "-q", "--store", "mysql://nowhere/x"});
  EXPECT_EQ(broken.exit_code, 0) << broken.err;
  EXPECT_THAT(broken.err, HasSubstr("the report was not stored"));
  EXPECT_TRUE(fs::exists(dir_ / "t.json"));
}

// Hex runs (digests, pseudonyms) are long random digit strings; a 4-digit PIN would
// match inside them by chance, so they are cut out before looking for PINs.
std::string without_hex_runs(const std::string& bytes) {
  static const std::regex hex("[0-9a-fA-F]{16,}");
  return std::regex_replace(bytes, hex, "#");
}

TEST_F(Reports, NothingSecretInTheStoreOrAnyExport) {
  std::set<std::string> secrets;
  for (const auto& name : sim::builtin_scenario_names()) {
    const auto s = sim::builtin_scenario(name);
    if (s.has_pin() && !s.pin().empty()) secrets.insert(s.pin());
    if (!s.mnemonic().empty()) secrets.insert(s.mnemonic());
  }
  ASSERT_FALSE(secrets.empty());
  for (const std::string scenario : {"healthy-safe3", "locked", "backup-safe3", "outdated-trezor-one",
                                     "keepkey-outdated", "onekey-healthy", "uninitialized"}) {
    demo(scenario);
  }
  reports({"import", (dir_ / "inbox").string()});
  ASSERT_EQ(reports({"export", "--format", "jsonl", "--out", (dir_ / "all.jsonl").string()}).exit_code, 0);
  ASSERT_EQ(reports({"export", "--format", "csv", "--out", (dir_ / "all.csv").string()}).exit_code, 0);
  ASSERT_EQ(reports({"stats", "--format", "html", "--out", (dir_ / "stats.html").string()}).exit_code, 0);
  const auto list = reports({"list", "--json"});
  ASSERT_GE(std::count(list.out.begin(), list.out.end(), '\n'), 7);
  spit(dir_ / "stats.txt", reports({"stats"}).out + list.out);

  auto no_secret_in = [&](const std::string& what, const std::string& bytes, bool guard_applies) {
    if (guard_applies) {
      const auto hit = guard::scan(bytes);
      EXPECT_EQ(hit.kind, guard::SecretKind::kNone) << what << ": " << guard::category_name(hit.kind);
    }
    const auto text = without_hex_runs(bytes);
    for (const auto& secret : secrets)
      EXPECT_EQ(text.find(secret), std::string::npos) << what << " holds a test secret";
  };
  // Every export, whole.
  for (const std::string name : {"all.jsonl", "all.csv", "stats.html", "stats.txt"}) {
    no_secret_in(name, slurp(dir_ / name), true);
  }
  // The database file and its WAL: the known secrets appear nowhere in the raw bytes.
  // (The guard reads text; the raw file holds binary protobuf, where a hash can land
  // next to the letters of "keepkey" with no field name between them.)
  for (const std::string name : {"reports.db", "reports.db-wal"}) {
    if (fs::exists(dir_ / name)) no_secret_in(name, slurp(dir_ / name), false);
  }
  // Every value of every row, through the guard one by one; each stored report through
  // the same gate diagnose applies before writing (its JSON and text renderings).
  store::Store db(store::open_sqlite(store_));
  std::size_t values = 0;
  for (const std::string table : {"reports", "findings", "checks", "schema_version"}) {
    db.connection().prepare("SELECT * FROM " + table)->run({}, [&](const store::Row& row) {
      for (const auto& v : row) {
        if (!std::holds_alternative<store::Blob>(v)) {
          no_secret_in(table, store::as_text(v), true);
          ++values;
        }
      }
    });
  }
  EXPECT_GT(values, 100u);
  for (const auto& s : db.list({})) {
    for (const std::string format : {"json", "text"}) {
      const auto shown = reports({"show", std::to_string(s.id), "--format", format});
      ASSERT_EQ(shown.exit_code, 0) << shown.err;
      no_secret_in("report " + std::to_string(s.id) + " as " + format, shown.out, true);
    }
  }
}

TEST_F(Reports, TheSameCommandsOnPostgresql) {
  auto* server = test_support::PostgresServer::shared();
  if (!server) GTEST_SKIP() << "PostgreSQL not tested: " << test_support::PostgresServer::unavailable_reason();
  const auto uri = server->create_database();
  demo("outdated-trezor-one");
  demo("healthy-safe3");
  const auto imported = reports({"import", (dir_ / "inbox").string()}, uri);
  EXPECT_THAT(imported.out, HasSubstr("8 files: 2 stored, 4 already in the store, 2 refused")) << imported.err;
  const auto again = reports({"import", (dir_ / "inbox").string()}, uri);
  EXPECT_THAT(again.out, HasSubstr("0 stored, 6 already in the store"));
  const auto stats = reports({"stats"}, uri);
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_THAT(stats.out, HasSubstr("trezor-one"));
  const auto list = reports({"list", "--model", "trezor-safe-3"}, uri);
  EXPECT_EQ(std::count(list.out.begin(), list.out.end(), '\n'), 1) << list.out << list.err;
}

}  // namespace
}  // namespace cc
