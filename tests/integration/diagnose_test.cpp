// `coldcheck diagnose` and `coldcheck report` end to end: the real binary, the
// simulator in-process over real UDP, files on disk.
#include <google/protobuf/util/json_util.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "coldcheck/report.pb.h"
#include "support/subprocess.hpp"

namespace cc {
namespace {

namespace fs = std::filesystem;
using test_support::run;
using ::testing::HasSubstr;
using ::testing::Not;

std::string cc_bin() { return test_support::coldcheck_binary(); }

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class Diagnose : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cc-diag-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  test_support::RunResult diagnose(std::vector<std::string> extra) {
    std::vector<std::string> argv = {cc_bin(), "diagnose", "--key", (dir_ / "key").string(), "--out-dir", dir_.string(),
                                     "--lang", "en",       "-q"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return run(argv, std::chrono::seconds(60));
  }

  std::vector<fs::path> files_with(const std::string& ext) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir_)) {
      if (e.path().extension() == ext) out.push_back(e.path());
    }
    return out;
  }

  ::coldcheck::report::Report json_report(const std::string& scenario) {
    const auto r = diagnose({"--demo", "--scenario", scenario, "--out", (dir_ / (scenario + ".json")).string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    ::coldcheck::report::Report report;
    EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(slurp(dir_ / (scenario + ".json")), &report).ok());
    return report;
  }

  fs::path dir_;
};

TEST_F(Diagnose, DemoWritesAllFourFormatsAndEachVerifies) {
  const auto r = diagnose({"--demo"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Trezor Safe 3"));
  for (const std::string ext : {".txt", ".json", ".html", ".pb"}) {
    ASSERT_EQ(files_with(ext).size(), 1u) << ext;
    EXPECT_EQ(fs::status(files_with(ext)[0]).permissions() & fs::perms::others_read, fs::perms::none);
  }
  for (const std::string ext : {".json", ".html", ".pb"}) {
    const auto v = run({cc_bin(), "report", "verify", files_with(ext)[0].string()});
    EXPECT_EQ(v.exit_code, 0) << ext << ": " << v.out << v.err;
    EXPECT_THAT(v.out, HasSubstr("intact"));
  }
  const auto text = run({cc_bin(), "report", "verify", files_with(".txt")[0].string()});
  EXPECT_EQ(text.exit_code, 2) << text.err;
}

TEST_F(Diagnose, VerifyCatchesAOneByteChange) {
  ASSERT_EQ(diagnose({"--demo", "--format", "pb"}).exit_code, 0);
  const auto pb = files_with(".pb").at(0);
  std::string bytes = slurp(pb);
  int caught = 0;
  // About 100 positions spread over the whole file: each is a verify run of its own.
  const std::size_t step = std::max<std::size_t>(1, bytes.size() / 100);
  for (std::size_t i = 0; i < bytes.size(); i += step) {
    std::string changed = bytes;
    changed[i] = static_cast<char>(changed[i] ^ 0x01);
    std::ofstream(dir_ / "changed.pb", std::ios::binary) << changed;
    const auto v = run({cc_bin(), "report", "verify", (dir_ / "changed.pb").string()});
    EXPECT_NE(v.exit_code, 0) << "byte " << i << " changed and verify still passed";
    caught += v.exit_code != 0;
  }
  EXPECT_GT(caught, 10);
}

TEST_F(Diagnose, ExactFindingCodesPerScenario) {
  // No --firmware-dir here: where the device can hash its firmware, that hash is not
  // compared (Safe 3) or the simulated device cannot give it (Model T 2.x), so
  // CC-CHECK-INCOMPLETE says what was not checked. The full table per scenario and
  // transport is tests/data/verdicts.table.
  const std::vector<std::pair<std::string, std::set<std::string>>> golden = {
      {"healthy-safe3", {"CC-AUTH-TEST-ROOT", "CC-CHECK-INCOMPLETE"}},
      {"healthy-model-t", {"CC-AUTH-TEST-ROOT", "CC-CHECK-INCOMPLETE"}},
      {"outdated-trezor-one", {"CC-FW-OUTDATED", "CC-FW-SECURITY-FIX", "CC-AUTH-TEST-ROOT"}},
      {"bootloader-mode", {"CC-DEV-BOOTLOADER", "CC-AUTH-TEST-ROOT", "CC-CHECK-INCOMPLETE"}},
      {"uninitialized",
       {"CC-DEV-NOT-INITIALIZED", "CC-FW-OUTDATED", "CC-FW-SECURITY-FIX", "CC-AUTH-TEST-ROOT", "CC-CHECK-INCOMPLETE"}},
      {"locked", {"CC-DEV-LOCKED", "CC-FW-OUTDATED", "CC-FW-SECURITY-FIX", "CC-AUTH-TEST-ROOT", "CC-CHECK-INCOMPLETE"}},
  };
  for (const auto& [scenario, want] : golden) {
    const auto report = json_report(scenario);
    std::set<std::string> got;
    for (const auto& f : report.body().findings()) got.insert(f.code());
    EXPECT_EQ(got, want) << scenario;
  }
}

TEST_F(Diagnose, IdentifiersNeverAppearInAnyFormat) {
  ASSERT_EQ(diagnose({"--demo", "--scenario", "outdated-trezor-one"}).exit_code, 0);
  for (const std::string ext : {".txt", ".json", ".html", ".pb"}) {
    const auto content = slurp(files_with(ext).at(0));
    EXPECT_THAT(content, Not(HasSubstr("SIMFAKE"))) << ext << " holds the device id";
    EXPECT_THAT(content, Not(HasSubstr("127.0.0.1"))) << ext << " holds the endpoint address";
  }
}

TEST_F(Diagnose, RecoveryPhraseInDescriptionIsRefusedAndNothingIsWritten) {
  const std::string phrase = "legal winner thank year wave sausage worth useful legal winner thank yellow";
  const auto r = diagnose({"--demo", "--describe", "my wallet is empty, my words are " + phrase});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("support"));
  EXPECT_THAT(r.err + r.out, Not(HasSubstr("sausage")));
  EXPECT_TRUE(fs::is_empty(dir_) ||
              (fs::exists(dir_ / "key") && std::distance(fs::directory_iterator(dir_), fs::directory_iterator()) == 1));
}

TEST_F(Diagnose, SomeoneAskingForTheSeedIsTheFirstFinding) {
  const auto r = diagnose({"--demo", "--describe", "support on telegram asked for my 24 words to fix it", "--out",
                           (dir_ / "r.json").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ::coldcheck::report::Report report;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(slurp(dir_ / "r.json"), &report).ok());
  ASSERT_GT(report.body().findings_size(), 0);
  EXPECT_EQ(report.body().findings(0).code(), "CC-SCAM-RISK");
  EXPECT_EQ(report.body().findings(0).urgency(), 1u);
  EXPECT_EQ(report.body().verdict(), ::coldcheck::report::VERDICT_STOP);
}

TEST_F(Diagnose, ChineseOutput) {
  const auto r = run({cc_bin(), "diagnose", "--demo", "--scenario", "outdated-trezor-one", "--lang", "zh-CN", "--key",
                      (dir_ / "key").string(), "--out", (dir_ / "r.html").string(), "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("固件"));
  EXPECT_THAT(r.out, HasSubstr("需要注意"));
  EXPECT_THAT(slurp(dir_ / "r.html"), HasSubstr("lang=\"zh-CN\""));
  const auto explain = run({cc_bin(), "report", "explain", (dir_ / "r.html").string(), "--lang", "en"});
  EXPECT_EQ(explain.exit_code, 0) << explain.err;
  EXPECT_THAT(explain.out, HasSubstr("CC-FW-OUTDATED"));
  EXPECT_THAT(explain.out, HasSubstr("The firmware is out of date"));
}

TEST_F(Diagnose, DiffShowsTheUpdate) {
  const auto before = run({cc_bin(), "diagnose", "--demo", "--scenario", "outdated-trezor-one", "--key",
                           (dir_ / "key").string(), "--out", (dir_ / "a.json").string(), "-q"});
  const auto after = run({cc_bin(), "diagnose", "--demo", "--scenario", "healthy-model-t", "--key",
                          (dir_ / "key").string(), "--out", (dir_ / "b.json").string(), "-q"});
  ASSERT_EQ(before.exit_code, 0);
  ASSERT_EQ(after.exit_code, 0);
  const auto refused = run({cc_bin(), "report", "diff", (dir_ / "a.json").string(), (dir_ / "b.json").string()});
  EXPECT_EQ(refused.exit_code, 2) << "different devices must need --force";
  const auto d = run({cc_bin(), "report", "diff", (dir_ / "a.json").string(), (dir_ / "b.json").string(), "--force"});
  EXPECT_EQ(d.exit_code, 0) << d.err;
  EXPECT_THAT(d.out, HasSubstr("1.8.3 → 2.12.5"));
  EXPECT_THAT(d.out, HasSubstr("CC-FW-OUTDATED"));
}

// Ordinary prose whose words happen to be on the BIP39 list used to end in exit 70: the
// guard scanned the rendered page, where field names and neighbouring fields completed
// a run. It now scans the data, field by field.
TEST_F(Diagnose, PlainProseInTheDescriptionIsWrittenInEveryFormat) {
  const std::string prose = "Please help, you can also check this for me?";
  const auto r = diagnose({"--demo", "--describe", prose});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const std::string ext : {".txt", ".json", ".html", ".pb"}) ASSERT_EQ(files_with(ext).size(), 1u) << ext;
  ::coldcheck::report::Report report;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(slurp(files_with(".json").at(0)), &report).ok());
  EXPECT_EQ(report.body().description().text(), prose);
}

// Reports are language-neutral (schema 2 on): made in one language, shown in another.
TEST_F(Diagnose, AnEnglishReportShowsInChineseAndAChineseOneInEnglish) {
  const auto made = [&](const std::string& lang, const std::string& file) {
    return run({cc_bin(), "diagnose", "--demo", "--scenario", "outdated-trezor-one", "--lang", lang, "--key",
                (dir_ / "key").string(), "--out", (dir_ / file).string(), "-q"});
  };
  ASSERT_EQ(made("en", "en.json").exit_code, 0);
  ASSERT_EQ(made("zh-CN", "zh.json").exit_code, 0);
  const auto zh_show = run({cc_bin(), "report", "show", "--lang", "zh-CN", (dir_ / "en.json").string()});
  ASSERT_EQ(zh_show.exit_code, 0) << zh_show.err;
  EXPECT_THAT(zh_show.out, HasSubstr("固件已过时"));
  EXPECT_THAT(zh_show.out, Not(HasSubstr("The firmware is out of date")));
  const auto en_explain = run({cc_bin(), "report", "explain", "--lang", "en", (dir_ / "zh.json").string()});
  ASSERT_EQ(en_explain.exit_code, 0) << en_explain.err;
  EXPECT_THAT(en_explain.out, HasSubstr("The firmware is out of date"));
  EXPECT_THAT(en_explain.out, HasSubstr("or later (a security release)")) << "details too, not only titles";
  EXPECT_THAT(en_explain.out, Not(HasSubstr("固件")));
  for (const std::string file : {"en.json", "zh.json"}) {
    const auto v = run({cc_bin(), "report", "verify", (dir_ / file).string()});
    EXPECT_EQ(v.exit_code, 0) << file << ": " << v.out;
  }
  // The messages in the findings do not depend on the language the run was made in (the
  // words beside them do).
  const auto messages = [](::coldcheck::report::Finding f) {
    if (f.has_title_text()) f.clear_title();
    if (f.has_detail_text()) f.clear_detail();
    if (f.has_remediation_text()) f.clear_remediation();
    for (auto& e : *f.mutable_evidence()) {
      if (e.has_name_text()) e.clear_name();
      if (e.has_observed_text()) e.clear_observed();
      if (e.has_expected_text()) e.clear_expected();
    }
    EXPECT_TRUE(f.has_title_text()) << f.code();
    return f.SerializeAsString();
  };
  ::coldcheck::report::Report en, zh;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(slurp(dir_ / "en.json"), &en).ok());
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(slurp(dir_ / "zh.json"), &zh).ok());
  EXPECT_EQ(en.body().schema_version(), ::coldcheck::report::REPORT_SCHEMA_VERSION_3);
  ASSERT_EQ(en.body().findings_size(), zh.body().findings_size());
  for (int i = 0; i < en.body().findings_size(); ++i) {
    EXPECT_EQ(messages(en.body().findings(i)), messages(zh.body().findings(i))) << en.body().findings(i).code();
  }
}

// A report written by the previous schema (v1, words in the run's language) still verifies
// and shows; the file was made by coldcheck before schema 2.
TEST_F(Diagnose, VersionOneReportsStillVerifyAndShow) {
  const std::string v1 = std::string(CC_SOURCE_DIR) + "/tests/data/reports/v1-outdated-trezor-one.json";
  const auto v = run({cc_bin(), "report", "verify", v1});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  EXPECT_THAT(v.out, HasSubstr("intact"));
  const auto show = run({cc_bin(), "report", "show", v1});
  EXPECT_EQ(show.exit_code, 0) << show.err;
  EXPECT_THAT(show.out, HasSubstr("The firmware is out of date"));
  const auto zh = run({cc_bin(), "report", "explain", "--lang", "zh-CN", v1});
  EXPECT_EQ(zh.exit_code, 0) << zh.err;
  EXPECT_THAT(zh.out, HasSubstr("固件已过时")) << "titles come from the code table in any language";
  const auto diff = run({cc_bin(), "report", "diff", v1, v1});
  EXPECT_EQ(diff.exit_code, 0) << diff.err;
}

TEST_F(Diagnose, NoDeviceStillWritesAReportThatSaysWhy) {
  const auto r = diagnose({"--out", (dir_ / "none.json").string()});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_THAT(r.err, HasSubstr("no hardware wallet found"));
  EXPECT_THAT(r.out, HasSubstr("report written"));
  ::coldcheck::report::Report report;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(slurp(dir_ / "none.json"), &report).ok());
  EXPECT_EQ(report.body().verdict(), ::coldcheck::report::VERDICT_NO_DEVICE);
  ASSERT_GT(report.body().findings_size(), 0);
  EXPECT_EQ(report.body().findings(0).code(), "CC-HOST-NOT-ON-BUS");
}

}  // namespace
}  // namespace cc
