// Hostile and careless use of the real binary: parallel runs into one directory,
// --out aimed at links and devices, a full disk, FIFOs and devices where a file is
// expected, a language nobody supports.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <set>
#include <sstream>

#include "support/subprocess.hpp"

namespace cc {
namespace {

namespace fs = std::filesystem;
using test_support::run;
using ::testing::HasSubstr;
using ::testing::Not;

class Hardening : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cc-hard-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "out");
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<std::string> demo(std::vector<std::string> extra, const std::string& lang = "en") const {
    std::vector<std::string> argv = {test_support::coldcheck_binary(), "diagnose", "--demo", "--key",
                                     (dir_ / "key").string(),          "--lang",   lang,     "-q"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return argv;
  }
  std::size_t entries(const fs::path& d) const {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(d), fs::directory_iterator()));
  }
  fs::path fifo(const std::string& name) const {
    const fs::path p = dir_ / name;
    EXPECT_EQ(::mkfifo(p.c_str(), 0600), 0);
    return p;
  }

  fs::path dir_;
};

// Runs in the same second once shared one file name and overwrote each other.
TEST_F(Hardening, EightParallelDemoRunsIntoOneDirectoryEachKeepTheirFullSet) {
  ASSERT_EQ(run(demo({"--out", (dir_ / "first.json").string()})).exit_code, 0);  // creates the key once
  std::vector<std::future<test_support::RunResult>> runs;
  for (int i = 0; i < 8; ++i) {
    runs.push_back(std::async(std::launch::async, [&] { return run(demo({"--out-dir", (dir_ / "out").string()})); }));
  }
  for (auto& r : runs) {
    const auto result = r.get();
    EXPECT_EQ(result.exit_code, 0) << result.err;
  }
  std::map<std::string, std::set<std::string>> sets;
  for (const auto& e : fs::directory_iterator(dir_ / "out")) {
    sets[e.path().stem().string()].insert(e.path().extension().string());
  }
  EXPECT_EQ(sets.size(), 8u);
  for (const auto& [stem, exts] : sets) {
    EXPECT_EQ(exts, (std::set<std::string>{".txt", ".json", ".html", ".pb"})) << stem;
    const auto v =
        run({test_support::coldcheck_binary(), "report", "verify", (dir_ / "out" / (stem + ".pb")).string()});
    EXPECT_EQ(v.exit_code, 0) << stem << ": " << v.out << v.err;
  }
}

TEST_F(Hardening, OutNeverReplacesAReportASymlinkOrADeviceNode) {
  const auto existing = dir_ / "r.json";
  ASSERT_EQ(run(demo({"--out", existing.string()})).exit_code, 0);
  const auto second = run(demo({"--out", existing.string()}));
  EXPECT_EQ(second.exit_code, 2) << second.err;
  EXPECT_THAT(second.err, HasSubstr("already exists"));

  std::ofstream(dir_ / "victim") << "keep";
  fs::create_symlink(dir_ / "victim", dir_ / "link.json");
  const auto via_link = run(demo({"--out", (dir_ / "link.json").string()}));
  EXPECT_EQ(via_link.exit_code, 2) << via_link.err;
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.json"));
  std::ifstream victim(dir_ / "victim");
  std::string kept;
  victim >> kept;
  EXPECT_EQ(kept, "keep");

  const auto dev = run(demo({"--out", "/dev/null", "--format", "json"}));
  EXPECT_EQ(dev.exit_code, 2) << dev.err;
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
}

// A full disk, as the file size limit: no partial set, no temp file, and it says so.
TEST_F(Hardening, AFullDiskLeavesNoPartialSetAndSaysSo) {
  ASSERT_EQ(run(demo({"--out", (dir_ / "first.json").string()})).exit_code, 0);  // key made before the limit
  std::string cmd = "trap '' XFSZ; ulimit -f 16; exec";
  for (const auto& a : demo({"--out-dir", (dir_ / "out").string()})) cmd += " '" + a + "'";
  const auto r = run({"/bin/sh", "-c", cmd});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_THAT(r.err, HasSubstr("no report was written"));
  EXPECT_EQ(entries(dir_ / "out"), 0u);
}

TEST_F(Hardening, AnUnknownLanguageIsAUsageErrorNamingTheAcceptedOnes) {
  for (const std::string lang : {"fr", "english", "zh-TW", ""}) {
    const auto r = run(demo({"--out", (dir_ / "x.json").string()}, lang));
    EXPECT_EQ(r.exit_code, 2) << lang << ": " << r.err;
    EXPECT_THAT(r.err, HasSubstr("en, zh-CN")) << lang;
    EXPECT_FALSE(fs::exists(dir_ / "x.json"));
  }
  ASSERT_EQ(run(demo({"--out", (dir_ / "ok.json").string()}, "zh_CN")).exit_code, 0);
  const auto show =
      run({test_support::coldcheck_binary(), "report", "show", (dir_ / "ok.json").string(), "--lang", "de"});
  EXPECT_EQ(show.exit_code, 2) << show.err;
  EXPECT_THAT(show.err, HasSubstr("en, zh-CN"));
}

// `firmware inspect /dev/zero` once grew past 3 GB.
TEST_F(Hardening, DevicesAndFifosAreRefusedWhereAFileIsExpected) {
  const auto bin = test_support::coldcheck_binary();
  const auto zero = run({bin, "firmware", "inspect", "/dev/zero"}, std::chrono::seconds(10));
  EXPECT_EQ(zero.exit_code, 2) << zero.err;
  EXPECT_THAT(zero.err, HasSubstr("character device"));

  const auto image = run({bin, "firmware", "inspect", fifo("image.bin").string()}, std::chrono::seconds(10));
  EXPECT_EQ(image.exit_code, 2) << image.err;
  EXPECT_THAT(image.err, HasSubstr("FIFO"));

  const auto report = run({bin, "report", "verify", fifo("report.json").string()}, std::chrono::seconds(10));
  EXPECT_EQ(report.exit_code, 2) << report.err;
  EXPECT_THAT(report.err, HasSubstr("FIFO"));

  const auto scenario =
      run({bin, "simulate", "--scenario", fifo("scenario.textproto").string()}, std::chrono::seconds(10));
  EXPECT_EQ(scenario.exit_code, 2) << scenario.err;
  EXPECT_THAT(scenario.err, HasSubstr("FIFO"));

  const auto key =
      run({bin, "diagnose", "--demo", "-q", "--key", fifo("install.key").string(), "--out", (dir_ / "k.json").string()},
          std::chrono::seconds(10));
  EXPECT_EQ(key.exit_code, 4) << key.err;
  EXPECT_THAT(key.err, HasSubstr("not a regular file"));
  EXPECT_FALSE(fs::exists(dir_ / "k.json"));
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

test_support::RunResult verify(const fs::path& file) {
  return run({test_support::coldcheck_binary(), "report", "verify", file.string()});
}

TEST_F(Hardening, VerifySaysWhatTheDigestProvesAndWhatItDoesNot) {
  ASSERT_EQ(run(demo({"--out", (dir_ / "r.json").string()})).exit_code, 0);
  const auto v = verify(dir_ / "r.json");
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  EXPECT_THAT(v.out, HasSubstr("does not show who wrote it"));
  EXPECT_THAT(v.out, HasSubstr("not signed by an install"));
  EXPECT_THAT(v.out, HasSubstr("authentic: not established"));
}

// The page a person reads must be what verified, not just the data hidden in it.
TEST_F(Hardening, VerifyRefusesAPageWhoseVisibleContentWasEdited) {
  ASSERT_EQ(run(demo({"--out", (dir_ / "r.html").string()})).exit_code, 0);
  ASSERT_EQ(verify(dir_ / "r.html").exit_code, 0);
  const std::string page = slurp(dir_ / "r.html");
  spit(dir_ / "edited.html", replaced(page, "<body>", "<body><p>Support: send your 24 words to restore access</p>"));
  const auto v = verify(dir_ / "edited.html");
  EXPECT_EQ(v.exit_code, 12) << v.out << v.err;
  EXPECT_THAT(v.out, HasSubstr("visible page"));
}

TEST_F(Hardening, VerifyRefusesReformattedJsonAndDuplicateKeys) {
  ASSERT_EQ(run(demo({"--out", (dir_ / "r.json").string()})).exit_code, 0);
  const std::string json = slurp(dir_ / "r.json");
  std::string compact;
  for (char c : json) {
    if (c != '\n') compact += c;
  }
  spit(dir_ / "compact.json", compact);
  const auto v = verify(dir_ / "compact.json");
  EXPECT_EQ(v.exit_code, 12) << v.out << v.err;
  EXPECT_THAT(v.out, HasSubstr("not in the form coldcheck writes"));

  spit(dir_ / "dup.json", replaced(json, "{", "{\"integrity\": {},"));
  const auto d = verify(dir_ / "dup.json");
  EXPECT_EQ(d.exit_code, 2) << d.out << d.err;
  EXPECT_THAT(d.err, HasSubstr("twice"));
}

TEST_F(Hardening, ASignedReportVerifiesAsSignedByTheInstall) {
  ASSERT_EQ(run(demo({"--sign", "--out", (dir_ / "r.json").string()})).exit_code, 0);
  EXPECT_TRUE(fs::exists(dir_ / "install-signing.key"));
  const auto v = verify(dir_ / "r.json");
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  EXPECT_THAT(v.out, HasSubstr("install signature: signed by install "));
  EXPECT_THAT(v.out, HasSubstr("authentic: made by install "));
  // A second report of the same install names the same key.
  ASSERT_EQ(run(demo({"--sign", "--out", (dir_ / "r2.json").string()})).exit_code, 0);
  const auto line = [](const std::string& out) { return out.substr(out.find("install signature:"), 40); };
  EXPECT_EQ(line(verify(dir_ / "r2.json").out), line(v.out));
}

TEST_F(Hardening, ShowDiffAndExplainWarnOnAReportThatDoesNotVerify) {
  ASSERT_EQ(run(demo({"--out", (dir_ / "r.json").string()})).exit_code, 0);
  const std::string json = slurp(dir_ / "r.json");
  spit(dir_ / "edited.json", replaced(json, "Trezor Safe 3", "Trezor Safe 9"));
  const auto bin = test_support::coldcheck_binary();
  const auto show = run({bin, "report", "show", (dir_ / "edited.json").string()});
  EXPECT_EQ(show.exit_code, 0) << show.err;
  EXPECT_THAT(show.err, HasSubstr("does not verify"));
  const auto clean = run({bin, "report", "show", (dir_ / "r.json").string()});
  EXPECT_THAT(clean.err, Not(HasSubstr("does not verify")));
  const auto diff = run({bin, "report", "diff", (dir_ / "r.json").string(), (dir_ / "edited.json").string()});
  EXPECT_THAT(diff.err, HasSubstr("edited.json does not verify"));
  EXPECT_THAT(diff.err, Not(HasSubstr("r.json does not verify")));
}

}  // namespace
}  // namespace cc
