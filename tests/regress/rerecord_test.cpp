// --record then --device replay: for every shared transcript made by coldcheck, through
// the binary: replaying a real capture while recording gives a transcript (ours, with
// placeholders for the device id and label) whose replay says the same thing again.
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/message_differencer.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "coldcheck/report.pb.h"
#include "support/subprocess.hpp"

namespace cc {
namespace {

namespace fs = std::filesystem;
namespace rp = ::coldcheck::report;
using ::testing::HasSubstr;

std::string fixture(const std::string& name) { return std::string(CC_SOURCE_DIR) + "/tests/regress/fixtures/" + name; }

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// What the capture's person typed, one answer per line, for coldcheck's stdin.
std::string answers(const std::string& person_log) {
  const std::regex answer(R"(\[person\] -> '([^']*)')");
  std::string out;
  std::istringstream in(slurp(person_log));
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_search(line, m, answer)) out += std::string(m[1]) + "\n";
  }
  return out;
}

struct Case {
  std::string name;
  std::string command;  // info, verify, diagnose, check-backup
  int exit_code;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class Rerecord : public ::testing::TestWithParam<Case> {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cc-rerecord-" + std::to_string(::getpid()) + "-" + GetParam().name);
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs the case's command on `device`; returns what it said (stdout) and its exit code.
  test_support::RunResult run(const std::string& device, const std::string& tag, const std::string& record = "") {
    const auto& c = GetParam();
    std::vector<std::string> argv = {test_support::coldcheck_binary(), c.command, "--device", device};
    if (c.command == "info" || c.command == "verify") argv.push_back("--json");
    if (c.command == "diagnose") argv.insert(argv.end(), {"--no-check-backup"});
    if (c.command == "diagnose" || c.command == "check-backup") {
      argv.insert(argv.end(),
                  {"-q", "--lang", "en", "--key", (dir_ / "key").string(), "--out", (dir_ / (tag + ".json")).string()});
    }
    if (!record.empty()) argv.insert(argv.end(), {"--record", record});
    std::string line;
    for (const auto& a : argv) line += "'" + a + "' ";
    const auto input = dir_ / "answers.txt";
    std::ofstream(input) << (c.command == "check-backup" ? answers(fixture(c.name + ".person.log")) : "");
    return test_support::run({"/bin/sh", "-c", line + "< '" + input.string() + "'"}, std::chrono::seconds(60));
  }

  fs::path dir_;
};

rp::Body comparable_body(const fs::path& json) {
  rp::Report report;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(slurp(json), &report).ok()) << json;
  auto body = report.body();
  body.mutable_run()->clear_created_at();
  body.mutable_device()->mutable_facts()->clear_path();
  body.mutable_device()->clear_device_pseudonym();  // the new transcript has a placeholder id
  // Error texts name the replay and where in its transcript it stopped.
  static const std::regex path(R"(replay:port-[0-9a-f]+: )");
  static const std::regex note(R"(; replay: [^)]*\))");
  for (auto& c : *body.mutable_device()->mutable_checks()) {
    c.set_detail(std::regex_replace(std::regex_replace(c.detail(), path, ""), note, ")"));
  }
  return body;
}

TEST_P(Rerecord, TheNewTranscriptReplaysToTheSameResult) {
  const auto& c = GetParam();
  const std::string original = "replay:" + fixture(c.name + ".jsonl");
  const auto transcript = dir_ / "new.jsonl";
  const auto first = run(original, "first", transcript.string());
  EXPECT_EQ(first.exit_code, c.exit_code) << first.err;
  ASSERT_TRUE(fs::exists(transcript)) << first.err;
  const std::string text = slurp(transcript);
  EXPECT_THAT(text, HasSubstr("\"format\": \"wire-transcript/1\""));
  // The emulator's device id (AE3C744E...) is not in our transcript.
  EXPECT_EQ(text.find("414533433734344533353543"), std::string::npos);

  const std::string again = "replay:" + transcript.string();
  const auto second = run(again, "second");
  EXPECT_EQ(second.exit_code, c.exit_code) << second.err;
  if (c.command == "info" || c.command == "verify") {
    auto a = first.out;
    auto b = second.out;
    a = std::regex_replace(a, std::regex(original), "PATH");
    b = std::regex_replace(b, std::regex(again), "PATH");
    EXPECT_EQ(a, b);
  } else {
    google::protobuf::util::MessageDifferencer differ;
    std::string diff;
    differ.ReportDifferencesToString(&diff);
    EXPECT_TRUE(differ.Compare(comparable_body(dir_ / "first.json"), comparable_body(dir_ / "second.json"))) << diff;
  }
}

INSTANTIATE_TEST_SUITE_P(
    RealFirmware, Rerecord,
    ::testing::Values(Case{"t1-1.14.1-info-uninit", "info", 0}, Case{"t1-1.13.0-info-uninit", "info", 0},
                      Case{"t1-1.14.1-info-seeded", "info", 0}, Case{"t1-1.14.1-info-pinlocked", "info", 0},
                      Case{"t1-1.14.1-verify-seeded", "verify", 0},
                      Case{"t1-1.14.1-check-backup-match", "check-backup", 0},
                      Case{"t1-1.14.1-check-backup-mismatch", "check-backup", 12},
                      Case{"nanox-btc-2.0.1-info", "info", 0}, Case{"nanox-btc-2.0.1-diagnose", "diagnose", 0},
                      Case{"nanox-btc-2.0.1-info-busy", "diagnose", 6}),
    [](const auto& param_info) {
      std::string n = param_info.param.name;
      for (char& ch : n) {
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
      }
      return n;
    });

// `info` keeps its one-line error contract; the advice is diagnose's CC-DEV-NO-REPLY.
TEST(InfoOnABusyLedgerApp, EndsInTheLiveRunsOneLineTimeout) {
  const auto r = test_support::run(
      {test_support::coldcheck_binary(), "info", "--device", "replay:" + fixture("nanox-btc-2.0.1-info-busy.jsonl")});
  EXPECT_EQ(r.exit_code, 6);
  EXPECT_THAT(r.err, HasSubstr("coldcheck: timeout: "));
  EXPECT_THAT(r.err, HasSubstr("no complete reply length in time (0 of 4 bytes"));
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
}

}  // namespace
}  // namespace cc
