// Report schema versions through the real binary: v1 and v2 files made by earlier
// coldcheck releases still verify and show; a v3 report keeps its words honest although
// its digest leaves them out.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

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

void spit(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

std::string fixture(const std::string& name) { return std::string(CC_SOURCE_DIR) + "/tests/data/reports/" + name; }

class ReportSchema : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cc-schema-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path made(const std::string& lang, const std::string& file) {
    const auto r = run({cc_bin(), "diagnose", "--demo", "--scenario", "outdated-trezor-one", "--lang", lang, "--key",
                        (dir_ / "key").string(), "--sign", "--out", (dir_ / file).string(), "-q"},
                       std::chrono::seconds(60));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return dir_ / file;
  }

  fs::path dir_;
};

// Made by coldcheck 0.1.0 before schema 3, in Chinese, signed by its install.
TEST_F(ReportSchema, VersionTwoReportsStillVerifyAndShowInEitherLanguage) {
  const std::string v2 = fixture("v2-outdated-trezor-one-zh-CN.json");
  ASSERT_THAT(slurp(v2), HasSubstr("\"REPORT_SCHEMA_VERSION_2\""));
  const auto v = run({cc_bin(), "report", "verify", v2});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  EXPECT_THAT(v.out, HasSubstr("intact"));
  EXPECT_THAT(v.out, HasSubstr("authentic: made by install 717d5a41")) << "the v2 digest is still the one it signed";
  const auto zh = run({cc_bin(), "report", "show", v2});
  EXPECT_EQ(zh.exit_code, 0) << zh.err;
  EXPECT_THAT(zh.out, HasSubstr("固件已过时"));
  EXPECT_THAT(zh.err, Not(HasSubstr("does not verify")));
  const auto en = run({cc_bin(), "report", "show", "--lang", "en", v2});
  EXPECT_EQ(en.exit_code, 0) << en.err;
  EXPECT_THAT(en.out, HasSubstr("The firmware is out of date"));
  EXPECT_THAT(en.out, Not(HasSubstr("固件已过时")));
}

TEST_F(ReportSchema, NewReportsAreVersionThreeAndShowInEitherLanguage) {
  const auto en = made("en", "en.json");
  EXPECT_THAT(slurp(en), HasSubstr("\"REPORT_SCHEMA_VERSION_3\""));
  const auto v = run({cc_bin(), "report", "verify", en.string()});
  EXPECT_EQ(v.exit_code, 0) << v.out;
  const auto zh = run({cc_bin(), "report", "show", "--lang", "zh-CN", en.string()});
  EXPECT_EQ(zh.exit_code, 0) << zh.err;
  EXPECT_THAT(zh.out, HasSubstr("固件已过时"));
  EXPECT_THAT(zh.err, Not(HasSubstr("does not verify")));
  const auto back = run({cc_bin(), "report", "explain", "--lang", "en", made("zh-CN", "zh.json").string()});
  EXPECT_EQ(back.exit_code, 0) << back.err;
  EXPECT_THAT(back.out, HasSubstr("The firmware is out of date"));
  EXPECT_THAT(back.out, Not(HasSubstr("固件")));
}

// A page put into the other language by `report show` shows what its embedded report says.
TEST_F(ReportSchema, APageShownInTheOtherLanguageVerifies) {
  const auto en = made("en", "en.json");
  const auto page = run({cc_bin(), "report", "show", "--format", "html", "--lang", "zh-CN", en.string()});
  ASSERT_EQ(page.exit_code, 0) << page.err;
  ASSERT_THAT(page.out, HasSubstr("固件已过时"));
  spit(dir_ / "zh.html", page.out);
  const auto v = run({cc_bin(), "report", "verify", (dir_ / "zh.html").string()});
  EXPECT_EQ(v.exit_code, 0) << v.out;
  std::string edited = page.out;
  edited.replace(edited.find("固件已过时"), std::string("固件已过时").size(), "一切正常");
  spit(dir_ / "edited.html", edited);
  EXPECT_EQ(run({cc_bin(), "report", "verify", (dir_ / "edited.html").string()}).exit_code, 12);
}

// The words are outside the digest and the install signature; verify still catches an edit.
TEST_F(ReportSchema, EditedWordsInAVersionThreeReportFailVerify) {
  std::string json = slurp(made("en", "en.json"));
  const std::string from = "\"title\": \"The firmware is out of date\"";
  const auto pos = json.find(from);
  ASSERT_NE(pos, std::string::npos) << json;
  json.replace(pos, from.size(), "\"title\": \"Nothing to worry about\"");
  const fs::path edited = dir_ / "edited.json";
  spit(edited, json);

  const auto v = run({cc_bin(), "report", "verify", edited.string()});
  EXPECT_EQ(v.exit_code, 12) << v.out;
  EXPECT_THAT(v.out, HasSubstr("NOT INTACT"));
  EXPECT_THAT(v.out, HasSubstr("words edited: findings["));
  EXPECT_THAT(v.out, HasSubstr("].title does not say what the report's message ids say in en"));
  EXPECT_THAT(v.out, Not(HasSubstr("digest mismatch")));
  // Shown anyway, with a warning, in the words its message ids make: the edit never shows.
  const auto show = run({cc_bin(), "report", "show", edited.string()});
  EXPECT_EQ(show.exit_code, 0) << show.err;
  EXPECT_THAT(show.err, HasSubstr("does not verify"));
  EXPECT_THAT(show.out, HasSubstr("The firmware is out of date"));
  EXPECT_THAT(show.out, Not(HasSubstr("Nothing to worry about")));
}

}  // namespace
}  // namespace cc
