// `coldcheck check-backup` end to end, as a person would do it: the real binary on a
// pipe or a pseudo-terminal, the simulator in its own process, and a second "person"
// (DeviceHands) typing on the simulated device's screen through its debug link. The
// host tool is only ever given counts, yes/no and grid positions.
#include <gmock/gmock.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>
#include <tuple>

#include "coldcheck/report.pb.h"
#include "guard/secret_guard.hpp"
#include "sim/simulator.hpp"
#include "support/device_hands.hpp"
#include "support/interactive.hpp"
#include "support/subprocess.hpp"

namespace cc {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using test_support::DeviceHands;
using test_support::HandsScript;
using test_support::Interactive;
using ::testing::HasSubstr;
using ::testing::Not;

// Public BIP39 test vector (never a real wallet), a PIN and a passphrase that appear
// nowhere else, so that any trace of them in an output is a leak.
const std::vector<std::string> kSeed = {"legal", "winner", "thank", "year",   "wave",  "sausage",
                                        "worth", "useful", "legal", "winner", "thank", "yellow"};
const std::string kPin = "9183726451";
const std::string kPassphrase = "quokka-Zeta7-passphrase";

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::vector<std::string> wrong_seed() {
  auto w = kSeed;
  std::swap(w[2], w[3]);
  return w;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every trace of a secret this test knows: the PIN, the passphrase, any seed word, any
// pair of neighbouring seed words, and whatever the secret guard recognises.
std::vector<std::string> leaks_in(const std::string& text, bool guard_scan = true) {
  std::vector<std::string> found;
  if (text.find(kPin) != std::string::npos) found.push_back("the PIN");
  if (text.find(kPassphrase) != std::string::npos) found.push_back("the passphrase");
  for (const std::string w : {"legal", "winner", "sausage", "yellow", "wave"}) {
    if (text.find(w) != std::string::npos) found.push_back("seed word '" + w + "'");
  }
  for (std::size_t i = 0; i + 1 < kSeed.size(); ++i) {
    if (text.find(kSeed[i] + " " + kSeed[i + 1]) != std::string::npos) found.push_back("a seed word pair");
  }
  const auto hit = guard_scan ? guard::scan(text) : guard::GuardResult{};
  if (hit.kind != guard::SecretKind::kNone)
    found.push_back(std::string("guard: ") + std::string(guard::category_name(hit.kind)));
  return found;
}

class CheckBackup : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cc-backup-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "reports");
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A builtin backup scenario with this test's seed and PIN, written as a file.
  fs::path scenario_file(const std::string& base, bool passphrase) {
    auto scenario = sim::builtin_scenario(base);
    scenario.set_mnemonic(joined(kSeed));
    scenario.set_pin(kPin);
    if (passphrase) scenario.mutable_features()->set_passphrase_protection(true);
    std::string text;
    google::protobuf::TextFormat::PrintToString(scenario, &text);
    const auto file = dir_ / (base + ".textproto");
    std::ofstream(file) << text;
    return file;
  }

  void start_device(const std::string& base) {
    sim_ = test_support::start_simulator(scenario_file(base, /*passphrase=*/true).string());
    debug_ = "udp:127.0.0.1:" + std::to_string(sim_.port + 1);
  }

  std::unique_ptr<Interactive> host(bool pty, std::vector<std::string> extra = {}, const std::string& lang = "en") {
    std::vector<std::string> argv = {test_support::coldcheck_binary(),
                                     "check-backup",
                                     "--device",
                                     sim_.path(),
                                     "--key",
                                     (dir_ / "install.key").string(),
                                     "--out-dir",
                                     (dir_ / "reports").string(),
                                     "--lang",
                                     lang};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return std::make_unique<Interactive>(argv, pty);
  }

  // The start of every Trezor flow: word count, go-ahead, PIN positions off the screen.
  void begin(Interactive& p, const std::string& pin = kPin) {
    ASSERT_TRUE(p.expect("never go into this computer")) << p.output();
    ASSERT_TRUE(p.expect("How many words does your backup have")) << p.output();
    p.send_line("12");
    ASSERT_TRUE(p.expect("Start the check on the device?")) << p.output();
    p.send_line("yes");
    ASSERT_TRUE(p.expect("PIN positions (1-9):")) << p.output();
    p.send_line(test_support::pin_positions(debug_, pin));
  }

  std::string report_json() {
    for (const auto& e : fs::directory_iterator(dir_ / "reports")) {
      if (e.path().extension() == ".json") return slurp(e.path());
    }
    return {};
  }

  // Everything that left the process: its terminal output and every file it wrote.
  // The HTML report's inline CSS reads as a run of list words to the guard, so HTML
  // gets the exact checks only (its data is the JSON's, which gets both).
  std::vector<std::string> leaks(const Interactive& p) {
    auto found = leaks_in(p.output());
    for (const auto& e : fs::recursive_directory_iterator(dir_)) {
      if (!e.is_regular_file() || e.path().extension() == ".textproto") continue;
      for (auto& f : leaks_in(slurp(e.path()), e.path().extension() != ".html")) {
        found.push_back(e.path().filename().string() + ": " + f);
      }
    }
    return found;
  }

  void wait_for_words(const DeviceHands& hands, std::size_t n) {
    for (int i = 0; i < 500 && hands.words_typed() < n; ++i) std::this_thread::sleep_for(20ms);
    ASSERT_EQ(hands.words_typed(), n);
  }

  fs::path dir_;
  test_support::SimProcess sim_;
  std::string debug_;
};

TEST_F(CheckBackup, Safe3WordsThatMatchAreVerifiedAndRecordedWithoutAWord) {
  start_device("backup-safe3");
  auto p = host(/*pty=*/false);
  DeviceHands hands(debug_, HandsScript{"12", kSeed, {}, {}});
  begin(*p);
  ASSERT_TRUE(p->expect("type each word of your backup")) << p->output();
  ASSERT_TRUE(p->expect("Backup check: MATCHES.", 30s)) << p->output();
  EXPECT_EQ(p->wait(), 0) << p->output();
  const std::string json = report_json();
  EXPECT_THAT(json, HasSubstr("CC-BACKUP-VERIFIED"));
  EXPECT_THAT(json, HasSubstr("\"observed\": \"12\""));
  EXPECT_THAT(json, HasSubstr("bip39"));
  EXPECT_THAT(json, HasSubstr("measured: words entered on the device"));
  EXPECT_THAT(leaks(*p), ::testing::IsEmpty());
}

TEST_F(CheckBackup, Safe3WordsThatDoNotMatchGiveMismatchAndExit12) {
  start_device("backup-safe3");
  auto p = host(false);
  DeviceHands hands(debug_, HandsScript{"12", wrong_seed(), {}, {}});
  begin(*p);
  ASSERT_TRUE(p->expect("Backup check: DOES NOT MATCH.", 30s)) << p->output();
  EXPECT_EQ(p->wait(), 12) << p->output();
  EXPECT_THAT(report_json(), HasSubstr("CC-BACKUP-MISMATCH"));
  EXPECT_THAT(leaks(*p), ::testing::IsEmpty());
}

TEST_F(CheckBackup, WrongPinIsRefusedByTheDeviceAndSaysSo) {
  start_device("backup-safe3");
  auto p = host(false);
  begin(*p, "1111111111");  // positions of a PIN that is not the device's
  ASSERT_TRUE(p->expect("did not accept the PIN", 20s)) << p->output();
  EXPECT_EQ(p->wait(), 9) << p->output();
  EXPECT_THAT(leaks(*p), ::testing::IsEmpty());
}

TEST_F(CheckBackup, CtrlCWhileTheDeviceWaitsSendsCancelAndTheDeviceGoesHome) {
  start_device("backup-safe3");
  auto p = host(/*pty=*/true);
  DeviceHands hands(debug_, HandsScript{"12", kSeed, 3, {}});
  begin(*p);
  wait_for_words(hands, 3);
  p->send("\x03");  // Ctrl-C on the terminal
  ASSERT_TRUE(p->expect("Backup check: cancelled.", 10s)) << p->output();
  EXPECT_EQ(p->wait(), 10) << p->output();
  EXPECT_THAT(test_support::device_screen(debug_), HasSubstr("(home screen)"));
  EXPECT_THAT(leaks(*p), ::testing::IsEmpty());
}

TEST_F(CheckBackup, CtrlCAtThePinPromptCancelsToo) {
  start_device("backup-safe3");
  auto p = host(true);
  ASSERT_TRUE(p->expect("How many words does your backup have")) << p->output();
  p->send_line("12");
  ASSERT_TRUE(p->expect("Start the check on the device?")) << p->output();
  p->send_line("y");
  ASSERT_TRUE(p->expect("PIN positions (1-9):")) << p->output();
  p->send("\x03");
  ASSERT_TRUE(p->expect("Backup check: cancelled.", 10s)) << p->output();
  EXPECT_EQ(p->wait(), 10);
  EXPECT_THAT(test_support::device_screen(debug_), HasSubstr("(home screen)"));
}

TEST_F(CheckBackup, NoOnTheDeviceIsACancel) {
  start_device("backup-safe3");
  auto p = host(false);
  DeviceHands hands(debug_, HandsScript{"12", kSeed, {}, "How many words"});
  begin(*p);
  ASSERT_TRUE(p->expect("Backup check: cancelled.", 30s)) << p->output();
  EXPECT_EQ(p->wait(), 10) << p->output();
  EXPECT_THAT(report_json(), HasSubstr("CHECK_SKIPPED"));
}

TEST_F(CheckBackup, UnplugDuringEntryIsReportedAsADisconnect) {
  start_device("backup-safe3");
  auto p = host(false);
  DeviceHands hands(debug_, HandsScript{"12", kSeed, 2, {}});
  begin(*p);
  wait_for_words(hands, 2);
  sim_.process->terminate();
  ASSERT_TRUE(p->expect("disconnected during the check", 15s)) << p->output();
  EXPECT_EQ(p->wait(), 7) << p->output();
}

TEST_F(CheckBackup, APersonWhoNeverTypesMeetsAClearTimeout) {
  start_device("backup-safe3");
  auto p = host(false, {"--wait", "2"});
  DeviceHands hands(debug_, HandsScript{"12", kSeed, 0, {}});
  begin(*p);
  ASSERT_TRUE(p->expect("waiting 2 s for you to enter your words on the device", 20s)) << p->output();
  EXPECT_EQ(p->wait(), 6) << p->output();
  EXPECT_THAT(test_support::device_screen(debug_), HasSubstr("(home screen)"));
}

TEST_F(CheckBackup, ARecoveryWordTypedAtAPromptIsRefusedAndNotKept) {
  start_device("backup-safe3");
  auto p = host(false);
  ASSERT_TRUE(p->expect("How many words does your backup have")) << p->output();
  p->send_line("sausage");
  ASSERT_TRUE(p->expect("STOP: that looks like a word of a recovery phrase")) << p->output();
  p->close_input();
  EXPECT_EQ(p->wait(), 10) << p->output();
  EXPECT_THAT(leaks(*p), ::testing::IsEmpty());
}

TEST_F(CheckBackup, TrezorOneMatrixEntrySendsOnlyGridPositions) {
  start_device("backup-trezor-one");
  auto p = host(false);
  begin(*p);
  for (const auto& word : kSeed) {
    for (int level = 0; level < 4; ++level) {
      ASSERT_TRUE(p->expect("(1-9, b = back):")) << p->output();
      const int cell = test_support::word_cell(debug_, word);
      ASSERT_GT(cell, 0);
      p->send_line(std::to_string(cell));
    }
  }
  ASSERT_TRUE(p->expect("Backup check: MATCHES.", 30s)) << p->output();
  EXPECT_EQ(p->wait(), 0) << p->output();
  const std::string json = report_json();
  EXPECT_THAT(json, HasSubstr("CC-BACKUP-VERIFIED"));
  EXPECT_THAT(json, HasSubstr("measured: words chosen on the device's grids"));
  EXPECT_THAT(leaks(*p), ::testing::IsEmpty());
}

TEST_F(CheckBackup, LedgerIsGuidedThroughRecoveryCheckAndTheResultIsMarkedReported) {
  sim_ = test_support::start_simulator("ledger-dashboard");
  const std::string tcp = "tcp:127.0.0.1:" + std::to_string(sim_.port);
  for (const auto& [answer, code, finding] :
       {std::tuple{"correct", 0, "CC-BACKUP-VERIFIED"}, std::tuple{"incorrect", 12, "CC-BACKUP-MISMATCH"}}) {
    fs::remove_all(dir_ / "reports");
    fs::create_directories(dir_ / "reports");
    Interactive p({test_support::coldcheck_binary(), "check-backup", "--device", tcp, "--key",
                   (dir_ / "install.key").string(), "--out-dir", (dir_ / "reports").string(), "--lang", "en"},
                  false);
    ASSERT_TRUE(p.expect("Recovery Check")) << p.output();
    ASSERT_TRUE(p.expect("What did the device show?")) << p.output();
    p.send_line(answer);
    EXPECT_EQ(p.wait(), code) << p.output();
    const std::string json = report_json();
    EXPECT_THAT(json, HasSubstr(finding));
    EXPECT_THAT(json, HasSubstr("reported by the person, not measured"));
  }
}

TEST_F(CheckBackup, FamiliesWithoutAGuidedCheckSayWhyAndExit11) {
  sim_ = test_support::start_simulator("keepkey-healthy");
  auto p = host(false);
  ASSERT_TRUE(p->expect("Backup check not available: KeepKey")) << p->output();
  EXPECT_EQ(p->wait(), 11) << p->output();
  EXPECT_THAT(report_json(), HasSubstr("CHECK_UNSUPPORTED"));
}

TEST_F(CheckBackup, DiagnoseWithoutATerminalDoesNotRunItAndSaysHow) {
  start_device("backup-safe3");
  const auto r =
      test_support::run({test_support::coldcheck_binary(), "diagnose", "--device", sim_.path(), "--key",
                         (dir_ / "install.key").string(), "--out", (dir_ / "r.json").string(), "-q", "--lang", "en"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string json = slurp(dir_ / "r.json");
  EXPECT_THAT(json, HasSubstr("not requested: run coldcheck check-backup"));
  EXPECT_THAT(json, Not(HasSubstr("CC-BACKUP-VERIFIED")));
}

TEST_F(CheckBackup, DiagnoseWithCheckBackupIncludesTheResult) {
  start_device("backup-safe3");
  Interactive p(
      {test_support::coldcheck_binary(), "diagnose", "--check-backup", "--yes", "--words", "12", "--device",
       sim_.path(), "--key", (dir_ / "install.key").string(), "--out", (dir_ / "r.json").string(), "--lang", "en"},
      false);
  DeviceHands hands(debug_, HandsScript{"12", kSeed, {}, {}});
  ASSERT_TRUE(p.expect("PIN positions (1-9):")) << p.output();
  p.send_line(test_support::pin_positions(debug_, kPin));
  EXPECT_EQ(p.wait(), 0) << p.output();
  EXPECT_THAT(p.output(), HasSubstr("Backup check: MATCHES."));
  EXPECT_THAT(slurp(dir_ / "r.json"), HasSubstr("CC-BACKUP-VERIFIED"));
  EXPECT_THAT(leaks_in(p.output()), ::testing::IsEmpty());
}

// What the run itself changed is read again before the report is made: the PIN entered
// for the check unlocked the device, so the report must not call it locked.
TEST_F(CheckBackup, TheUnlockTheCheckMadeIsInTheReport) {
  start_device("backup-safe3");
  Interactive p(
      {test_support::coldcheck_binary(), "diagnose", "--check-backup", "--yes", "--words", "12", "--device",
       sim_.path(), "--key", (dir_ / "install.key").string(), "--out", (dir_ / "r.json").string(), "--lang", "en"},
      false);
  DeviceHands hands(debug_, HandsScript{"12", kSeed, {}, {}});
  ASSERT_TRUE(p.expect("PIN positions (1-9):")) << p.output();
  p.send_line(test_support::pin_positions(debug_, kPin));
  ASSERT_EQ(p.wait(), 0) << p.output();
  ::coldcheck::report::Report report;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(slurp(dir_ / "r.json"), &report).ok());
  const auto& facts = report.body().device().facts();
  ASSERT_TRUE(facts.has_unlocked());
  EXPECT_TRUE(facts.unlocked()) << "the first read said locked; the check unlocked it";
  std::set<std::string> codes;
  for (const auto& f : report.body().findings()) codes.insert(f.code());
  EXPECT_EQ(codes.count("CC-DEV-LOCKED"), 0u);
  EXPECT_EQ(codes.count("CC-BACKUP-VERIFIED"), 1u);
  EXPECT_FALSE(report.body().device().device_pseudonym().empty());
  EXPECT_THAT(slurp(dir_ / "r.json"), Not(HasSubstr("SIMFAKE")));  // the re-read's device id stays out
}

// A step that failed is a finding, never "no problems": a wrong PIN leaves the backup
// unchecked, the report says so, and the device is still locked.
TEST_F(CheckBackup, AWrongPinIsAFindingAndTheDeviceStaysLocked) {
  start_device("backup-safe3");
  auto p = host(false);
  begin(*p, "1111111111");
  ASSERT_TRUE(p->expect("did not accept the PIN", 20s)) << p->output();
  EXPECT_EQ(p->wait(), 9) << p->output();
  ::coldcheck::report::Report report;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(report_json(), &report).ok()) << report_json();
  std::set<std::string> codes;
  for (const auto& f : report.body().findings()) codes.insert(f.code());
  EXPECT_EQ(codes.count("CC-CHECK-INCOMPLETE"), 1u);
  EXPECT_EQ(codes.count("CC-DEV-LOCKED"), 1u);
  EXPECT_NE(report.body().verdict(), ::coldcheck::report::VERDICT_OK);
  for (const auto& c : report.body().device().checks()) {
    if (c.id() == "backup.check") {
      EXPECT_EQ(c.status(), ::coldcheck::report::CHECK_ERROR);
    }
  }
}

// The terminal test: the whole guided flow on a pseudo-terminal, in Chinese, as a
// person types it; grid positions are not echoed.
TEST_F(CheckBackup, WholeFlowOnATerminalInChinese) {
  start_device("backup-safe3");
  auto p = host(/*pty=*/true, {}, "zh-CN");
  DeviceHands hands(debug_, HandsScript{"12", kSeed, {}, {}});
  ASSERT_TRUE(p->expect("备份")) << p->output();
  ASSERT_TRUE(p->expect("12、18、20、24 或 33")) << p->output();
  p->send_line("12");
  ASSERT_TRUE(p->expect("[y/N]")) << p->output();
  p->send_line("y");
  ASSERT_TRUE(p->expect("PIN 位置（1-9）：")) << p->output();
  const std::string positions = test_support::pin_positions(debug_, kPin);
  p->send_line(positions);
  ASSERT_TRUE(p->expect("备份检查：匹配。", 30s)) << p->output();
  EXPECT_EQ(p->wait(), 0) << p->output();
  EXPECT_THAT(p->output(), Not(HasSubstr(positions)));
  EXPECT_THAT(leaks(*p), ::testing::IsEmpty());
}

// Positions of `pin`'s digits, read off a PIN screen as `simulate --screen` prints it:
// three rows of bracketed cells, positions 7 8 9 / 4 5 6 / 1 2 3.
std::string positions_from_screen(const std::string& terminal, const std::string& pin) {
  const auto at = terminal.rfind("Enter your PIN");
  if (at == std::string::npos) return {};
  std::vector<char> shown;  // in screen order
  for (std::size_t i = at; i < terminal.size() && shown.size() < 9; ++i) {
    if (terminal[i] == '[' && i + 1 < terminal.size()) shown.push_back(terminal[i + 1]);
  }
  if (shown.size() != 9) return {};
  const int position_of_cell[9] = {7, 8, 9, 4, 5, 6, 1, 2, 3};
  std::string out;
  for (char digit : pin) {
    for (int k = 0; k < 9; ++k) {
      if (shown[static_cast<std::size_t>(k)] == digit) out += static_cast<char>('0' + position_of_cell[k]);
    }
  }
  return out;
}

// The demo a person can do by hand: one terminal is the simulated device (its screen,
// its buttons, its keyboard), the other runs check-backup. The words are typed only
// into the device's terminal; the PIN grid is read off the device's screen.
TEST_F(CheckBackup, TwoTerminalsOneIsTheDeviceWithItsOwnScreenAndKeyboard) {
  const auto file = scenario_file("backup-safe3", /*passphrase=*/false);
  const auto port_file = dir_ / "port";
  Interactive device({test_support::coldcheck_binary(), "simulate", "--screen", "--scenario", file.string(), "--listen",
                      "udp:127.0.0.1:0", "--port-file", port_file.string()},
                     /*pty=*/true);
  ASSERT_TRUE(device.expect("(home screen)")) << device.output();
  unsigned port = 0;
  std::ifstream(port_file) >> port;
  ASSERT_NE(port, 0u);

  Interactive computer(
      {test_support::coldcheck_binary(), "check-backup", "--device", "udp:127.0.0.1:" + std::to_string(port), "--key",
       (dir_ / "install.key").string(), "--out-dir", (dir_ / "reports").string(), "--lang", "en"},
      /*pty=*/true);
  ASSERT_TRUE(computer.expect("How many words does your backup have")) << computer.output();
  computer.send_line("12");
  ASSERT_TRUE(computer.expect("Start the check on the device?")) << computer.output();
  computer.send_line("y");
  ASSERT_TRUE(computer.expect("PIN positions (1-9):")) << computer.output();
  ASSERT_TRUE(device.expect("Enter your PIN")) << device.output();
  ASSERT_TRUE(device.expect("(on the computer, type the positions")) << device.output();
  const std::string positions = positions_from_screen(device.output(), kPin);
  ASSERT_EQ(positions.size(), kPin.size()) << device.output();
  computer.send_line(positions);

  ASSERT_TRUE(device.expect("Check your backup?")) << device.output();
  device.send_line("y");
  ASSERT_TRUE(device.expect("How many words does your backup have?")) << device.output();
  device.send_line("12");
  for (std::size_t i = 0; i < kSeed.size(); ++i) {
    ASSERT_TRUE(device.expect("Type word " + std::to_string(i + 1) + " of 12")) << device.output();
    device.send_line(kSeed[i]);
  }
  ASSERT_TRUE(device.expect("The seed is valid and matches the one in the device")) << device.output();
  device.send_line("y");
  ASSERT_TRUE(computer.expect("Backup check: MATCHES.", 30s)) << computer.output();
  EXPECT_EQ(computer.wait(), 0) << computer.output();
  EXPECT_THAT(leaks_in(computer.output()), ::testing::IsEmpty());
  EXPECT_THAT(computer.output(), Not(HasSubstr(positions)));
}

}  // namespace
}  // namespace cc
