// --record then --device replay: through the real binary, for every built-in simulator
// scenario: the replayed diagnosis must give the same report digest inputs as the live
// one. What may differ, by design, is normalised below and nothing else: the run time,
// the device path (a replay says it is one, also in error texts, which a replay extends
// with where in the transcript it stopped), the device pseudonym (the transcript holds a
// placeholder device id), and an attestation, which a replay never counts (a recorded
// proof shows nothing about the device in front of the person).
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/message_differencer.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "coldcheck/report.pb.h"
#include "sim/simulator.hpp"
#include "support/subprocess.hpp"

namespace cc {
namespace {

namespace fs = std::filesystem;
namespace rp = ::coldcheck::report;
using ::testing::HasSubstr;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

rp::Report read_json(const fs::path& p) {
  rp::Report report;
  const auto status = google::protobuf::util::JsonStringToMessage(slurp(p), &report);
  EXPECT_TRUE(status.ok()) << p << ": " << status.ToString();
  return report;
}

bool not_comparable(const rp::CheckResult& c) {
  return c.detail().find("not comparable on replay") != std::string::npos;
}

// Error texts name the path they went through (the live endpoint, or the replay and the
// recorded endpoint), and a replay adds where in the transcript it stopped.
std::string without_paths(const std::string& text) {
  static const std::regex path(R"((udp|tcp|replay):port-[0-9a-f]+: )");
  static const std::regex note(R"( \(replay: [^)]*\))");
  return std::regex_replace(std::regex_replace(text, path, ""), note, "");
}

// The digest inputs, less what a replay must differ in.
rp::Body comparable(rp::Body body, bool drop_attestation) {
  for (auto& c : *body.mutable_device()->mutable_checks()) c.set_detail(without_paths(c.detail()));
  for (auto& f : *body.mutable_findings()) f.set_detail(without_paths(f.detail()));
  body.mutable_run()->clear_created_at();
  body.mutable_device()->mutable_facts()->clear_path();
  body.mutable_device()->clear_device_pseudonym();
  if (drop_attestation) {
    auto* checks = body.mutable_device()->mutable_checks();
    for (int i = checks->size() - 1; i >= 0; --i) {
      if (checks->Get(i).id() == "auth.device") checks->DeleteSubrange(i, 1);
    }
    auto* findings = body.mutable_findings();
    for (int i = findings->size() - 1; i >= 0; --i) {
      auto* f = findings->Mutable(i);
      if (f->code() == "CC-CHECK-INCOMPLETE") {
        // A replay cannot establish attestation: the gap it adds is the replay's own.
        auto* evidence = f->mutable_evidence();
        for (int e = evidence->size() - 1; e >= 0; --e) {
          if (evidence->Get(e).name_text().msgid() == "secure-element attestation") evidence->DeleteSubrange(e, 1);
        }
        if (evidence->empty()) findings->DeleteSubrange(i, 1);
        continue;
      }
      if (f->code() == "CC-AUTH-FAILED") findings->DeleteSubrange(i, 1);
    }
    for (auto& f : *findings) f.clear_urgency();
    body.clear_verdict();
  }
  return body;
}

struct Case {
  std::string scenario;
  bool tcp;  // Ledger scenarios: also over the Speculos socket
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.scenario << (c.tcp ? " over tcp" : ""); }

class RecordReplay : public ::testing::TestWithParam<Case> {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("cc-replay-" + std::to_string(::getpid()) + "-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  test_support::RunResult diagnose(const std::string& device, std::vector<std::string> extra) {
    std::vector<std::string> argv = {test_support::coldcheck_binary(), "diagnose",          "--device", device, "--key",
                                     (dir_ / "key").string(),          "--no-check-backup", "--lang",   "en",   "-q"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return test_support::run(argv, std::chrono::seconds(60));
  }

  fs::path dir_;
};

TEST_P(RecordReplay, ReplayGivesTheSameDigestInputs) {
  const auto& c = GetParam();
  sim::Simulator simulator(sim::builtin_scenario(c.scenario));
  simulator.start();
  const std::string device = c.tcp ? "tcp:127.0.0.1:" + std::to_string(simulator.tcp_port())
                                   : "udp:127.0.0.1:" + std::to_string(simulator.port());
  const auto transcript = dir_ / "t.jsonl";
  const auto live = diagnose(device, {"--record", transcript.string(), "--out", (dir_ / "live.json").string()});
  ASSERT_TRUE(fs::exists(transcript)) << live.err;
  EXPECT_THAT(live.err, HasSubstr("transcript written"));
  simulator.stop();

  const auto replayed = diagnose("replay:" + transcript.string(), {"--out", (dir_ / "replay.json").string()});
  EXPECT_EQ(replayed.exit_code, live.exit_code) << live.err << "\n---\n" << replayed.err;
  const auto a = read_json(dir_ / "live.json");
  const auto b = read_json(dir_ / "replay.json");

  bool drop_attestation = false;
  for (const auto& check : b.body().device().checks()) {
    if (check.id() == "auth.device" && not_comparable(check)) {
      drop_attestation = true;
      EXPECT_EQ(check.status(), rp::CHECK_SKIPPED);
    }
  }
  std::string diff;
  google::protobuf::util::MessageDifferencer differ;
  differ.ReportDifferencesToString(&diff);
  EXPECT_TRUE(differ.Compare(comparable(a.body(), drop_attestation), comparable(b.body(), drop_attestation))) << diff;
  EXPECT_EQ(b.body().device().facts().path().rfind("replay:", 0), 0u) << b.body().device().facts().path();
}

std::vector<Case> all_cases() {
  std::vector<Case> out;
  for (const auto& name : sim::builtin_scenario_names()) {
    out.push_back({name, false});
    if (sim::builtin_scenario(name).has_ledger()) out.push_back({name, true});
  }
  return out;
}

INSTANTIATE_TEST_SUITE_P(Scenarios, RecordReplay, ::testing::ValuesIn(all_cases()), [](const auto& param_info) {
  std::string n = param_info.param.scenario + (param_info.param.tcp ? "_tcp" : "");
  for (char& ch : n) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return n;
});

}  // namespace
}  // namespace cc
