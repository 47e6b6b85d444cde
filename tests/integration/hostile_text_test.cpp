// Text that arrives broken or hostile, through the real binary: a description typed in
// a legacy Chinese encoding (GBK bytes, invalid as UTF-8), a device whose strings carry
// escape sequences, bidi overrides, invalid bytes and 10 KB, and a crafted report whose
// fields do the same. Each run must make reports that verify, and nothing of it may
// reach the terminal raw.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <algorithm>
#include <iterator>

#include <google/protobuf/text_format.h>

#include "coldcheck/report.pb.h"
#include "guard/secret_guard.hpp"
#include "report/read_report.hpp"
#include "report/seal.hpp"
#include "sim/simulator.hpp"
#include "support/subprocess.hpp"

namespace cc {
namespace {

namespace fs = std::filesystem;
using test_support::run;
using ::testing::HasSubstr;
using ::testing::Not;

// "你好，我的钱包打不开了" in GBK: every byte pair is invalid UTF-8.
const std::string kGbkDescription =
    "\xc4\xe3\xba\xc3\xa3\xac\xce\xd2\xb5\xc4\xc7\xae\xb0\xfc\xb4\xf2\xb2\xbb\xbf\xaa\xc1\xcb";
const std::string kEscClear = "\x1b[2J";                  // clears the screen
const std::string kEscTitle = "\x1b]0;pwned\x07";         // sets the window title
const std::string kRightToLeftOverride = "\xe2\x80\xae";  // U+202E
const std::string kInvalid = "\xff\xfe\xc0\xaf";

std::string hostile(std::size_t pad) {
  return "Safe" + kEscClear + kRightToLeftOverride + kInvalid + kEscTitle + std::string(pad, 'A');
}
// A report file holds valid UTF-8 only (its parser refuses anything else), so a crafted
// one attacks with escapes and bidi controls.
std::string hostile_utf8(std::size_t pad) {
  return "Safe" + kEscClear + kRightToLeftOverride + kEscTitle + std::string(pad, 'A');
}

// What may never reach a terminal: ESC, BEL, any bidi override or isolate.
std::vector<std::string> raw_controls_in(const std::string& s) {
  std::vector<std::string> found;
  if (s.find('\x1b') != std::string::npos) found.push_back("ESC");
  if (s.find('\x07') != std::string::npos) found.push_back("BEL");
  for (const std::string bidi : {"\xe2\x80\xaa", "\xe2\x80\xab", "\xe2\x80\xac", "\xe2\x80\xad", "\xe2\x80\xae",
                                 "\xe2\x81\xa6", "\xe2\x81\xa7", "\xe2\x81\xa8", "\xe2\x81\xa9"}) {
    if (s.find(bidi) != std::string::npos) found.push_back("a bidi control");
  }
  if (s.find(kInvalid) != std::string::npos) found.push_back("invalid UTF-8");
  return found;
}

class HostileText : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cc-hostile-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "out");
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<std::string> diagnose(std::vector<std::string> extra) const {
    std::vector<std::string> argv = {test_support::coldcheck_binary(),
                                     "diagnose",
                                     "--key",
                                     (dir_ / "key").string(),
                                     "--lang",
                                     "en",
                                     "-q",
                                     "--no-store",
                                     "--out-dir",
                                     (dir_ / "out").string()};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return argv;
  }

  std::vector<fs::path> written() const {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir_ / "out")) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
  }

  // Every machine-readable file written verifies with `report verify`.
  void expect_all_verify() const {
    std::size_t checked = 0;
    for (const auto& f : written()) {
      if (f.extension() == ".txt") continue;
      const auto v = run({test_support::coldcheck_binary(), "report", "verify", f.string()});
      EXPECT_EQ(v.exit_code, 0) << f << ": " << v.out << v.err;
      ++checked;
    }
    EXPECT_EQ(checked, 3u) << "expected the json, html and pb files";
  }

  fs::path file_with(const std::string& ext) const {
    for (const auto& f : written()) {
      if (f.extension() == ext) return f;
    }
    ADD_FAILURE() << "no " << ext << " written";
    return {};
  }

  fs::path dir_;
};

TEST_F(HostileText, AGbkDescriptionMakesAReportThatVerifies) {
  const auto r = run(diagnose({"--demo", "--describe", kGbkDescription}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(written().size(), 4u);
  expect_all_verify();
  // The bytes that were not UTF-8 are marked, not kept.
  const auto report = report::read_report(file_with(".pb"));
  EXPECT_THAT(report.body().description().text(), HasSubstr("\xef\xbf\xbd"));
  EXPECT_THAT(report.body().description().text(), Not(HasSubstr("\xc4\xe3")));
}

TEST_F(HostileText, ADescriptionWithEscapesAndBidiIsCleanedAndCut) {
  const auto r = run(diagnose({"--demo", "--describe", "the screen " + hostile(10000)}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(raw_controls_in(r.out + r.err), ::testing::IsEmpty());
  expect_all_verify();
  const auto report = report::read_report(file_with(".pb"));
  const std::string& text = report.body().description().text();
  EXPECT_THAT(raw_controls_in(text), ::testing::IsEmpty());
  EXPECT_LE(text.size(), 4000u);
  EXPECT_THAT(text, HasSubstr("\xe2\x80\xa6")) << "a cut is visible";
}

// The device's own strings: a label of 10 KB and a model of 300 bytes with escapes, a bidi override
// and invalid bytes. The model still names a Safe 3 to the catalog only if the device
// says so plainly, so this device is an unknown one; the report must still verify.
TEST_F(HostileText, ADeviceWithHostileStringsMakesAReportThatVerifiesAndAClearTerminal) {
  auto scenario = sim::builtin_scenario("healthy-safe3");
  scenario.mutable_features()->set_label(hostile(10 * 1024));
  scenario.mutable_features()->set_model(hostile(300));
  std::string text;
  google::protobuf::TextFormat::PrintToString(scenario, &text);
  const fs::path file = dir_ / "hostile.textproto";
  std::ofstream(file, std::ios::binary) << text;
  auto sim = test_support::start_simulator(file.string());

  const auto r = run(diagnose({"--device", sim.path(), "--describe", kGbkDescription}));
  EXPECT_THAT(raw_controls_in(r.out + r.err), ::testing::IsEmpty()) << r.out << r.err;
  ASSERT_EQ(written().size(), 4u) << r.err;
  expect_all_verify();
  // The JSON file spells every string field; controls would show as raw bytes or as
  // \u escapes there.
  std::ifstream in(file_with(".json"), std::ios::binary);
  const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_THAT(raw_controls_in(json), ::testing::IsEmpty());
  for (const std::string escaped : {"\\u001b", "\\u0007", "\\u202e", "\\u202E"}) {
    EXPECT_THAT(json, Not(HasSubstr(escaped)));
  }
  EXPECT_THAT(json, HasSubstr("Safe[2J")) << "the device's model is kept, cleaned";
  EXPECT_THAT(json, Not(HasSubstr(std::string(200, 'A')))) << "device strings are cut";

  for (const std::string sub : {"show", "explain"}) {
    const auto shown = run({test_support::coldcheck_binary(), "report", sub, file_with(".json").string()});
    EXPECT_EQ(shown.exit_code, 0) << sub << ": " << shown.err;
    EXPECT_THAT(raw_controls_in(shown.out + shown.err), ::testing::IsEmpty()) << sub;
  }
}

// A report crafted to attack the reader's terminal, sealed so that it verifies: every
// face that prints a loaded report must print it cleaned.
TEST_F(HostileText, ACraftedReportNeverReachesTheTerminalRaw) {
  ASSERT_EQ(run(diagnose({"--demo"})).exit_code, 0);
  const fs::path original = file_with(".pb");
  auto report = report::read_report(original);
  auto body = report.body();
  body.mutable_description()->set_text("help " + hostile_utf8(20000));
  body.mutable_device()->mutable_facts()->set_model_name(hostile_utf8(300));
  body.mutable_device()->mutable_facts()->set_firmware_version("2.8.1" + kEscTitle + kRightToLeftOverride);
  const auto crafted = report::seal(body);
  std::string bytes;
  ASSERT_TRUE(crafted.SerializeToString(&bytes));
  const fs::path evil = dir_ / "evil.pb";
  std::ofstream(evil, std::ios::binary) << bytes;

  const auto bin = test_support::coldcheck_binary();
  const std::vector<std::vector<std::string>> faces = {
      {bin, "report", "show", evil.string()},
      {bin, "report", "explain", evil.string()},
      {bin, "report", "diff", original.string(), evil.string(), "--force"},
      {bin, "report", "verify", evil.string()},
  };
  for (const auto& argv : faces) {
    const auto r = run(argv);
    EXPECT_THAT(raw_controls_in(r.out + r.err), ::testing::IsEmpty()) << argv[2] << ":\n" << r.out << r.err;
    EXPECT_THAT(r.out, Not(HasSubstr(std::string(5000, 'A')))) << argv[2] << ": long fields are cut";
  }
  const auto diff = run(faces[2]);
  EXPECT_THAT(diff.out, HasSubstr("2.8.1")) << "the changed field is still shown, cleaned";

  const std::string store = (dir_ / "store.db").string();
  const auto imported = run({bin, "reports", "import", evil.string(), "--store", store});
  ASSERT_EQ(imported.exit_code, 0) << imported.out << imported.err;
  const auto listed = run({bin, "reports", "list", "--store", store});
  EXPECT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_THAT(raw_controls_in(listed.out + listed.err), ::testing::IsEmpty()) << listed.out;
  EXPECT_THAT(listed.out, Not(HasSubstr(std::string(250, 'A'))));
  const auto shown = run({bin, "reports", "show", "1", "--store", store});
  EXPECT_THAT(raw_controls_in(shown.out + shown.err), ::testing::IsEmpty());
}

// A KeepKey report's binary file read as text once looked like "a private key (hex)":
// the maker's name ("keepkey", ending in "key") sits right beside the firmware hash.
TEST_F(HostileText, AKeepKeyReportReadAsTextHoldsNoSecret) {
  for (const std::string scenario : {"keepkey-healthy", "keepkey-outdated", "keepkey-bootloader"}) {
    const fs::path out = dir_ / (scenario + ".pb");
    const auto r = run(diagnose({"--demo", "--scenario", scenario, "--out", out.string()}));
    ASSERT_EQ(r.exit_code, 0) << scenario << ": " << r.err;
    std::ifstream in(out, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_NE(bytes.find("keepkey"), std::string::npos) << scenario;
    EXPECT_EQ(guard::category_name(guard::scan(bytes).kind), guard::category_name(guard::SecretKind::kNone))
        << scenario;
  }
}

}  // namespace
}  // namespace cc
