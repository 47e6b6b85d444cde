// Each shared transcript replayed through the same code path as the command that made
// it, asserting what the real device should produce. The fixtures are never edited:
// when one fails, the code is wrong.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>

#include "app/devices.hpp"
#include "app/diagnose.hpp"
#include "app/genuineness.hpp"
#include "app/person.hpp"
#include "catalog/catalog.hpp"
#include "coldcheck/trezor.pb.h"
#include "core/error.hpp"
#include "drivers/apdu_channel.hpp"
#include "drivers/trezor_driver.hpp"
#include "drivers/trezor_session.hpp"
#include "findings/findings.hpp"
#include "protocol/ledger/apdu.hpp"
#include "report/pseudonym.hpp"
#include "transport/open.hpp"
#include "transport/replay_link.hpp"

namespace {

using namespace cc;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;
namespace rp = ::coldcheck::report;
namespace tw = ::coldcheck::wire::trezor;

std::string fixture(const std::string& name) { return std::string(CC_SOURCE_DIR) + "/tests/regress/fixtures/" + name; }

// A fresh replay of one fixture.
std::string replay(const std::string& name) {
  transport::reset_replays();
  return "replay:" + fixture(name + ".jsonl");
}

transport::DevicePath path_of(const std::string& text) { return transport::parse_device_path(text); }

const catalog::Catalog& catalog() { return catalog::Catalog::builtin(); }

std::vector<std::string> finding_codes(const ::coldcheck::DeviceFacts& facts) {
  findings::Inputs inputs;
  inputs.facts = &facts;
  std::vector<std::string> out;
  for (const auto& f : findings::evaluate(inputs, catalog(), findings::Language::kEnglish)) out.push_back(f.code());
  return out;
}

std::vector<std::string> finding_codes(const rp::Report& report) {
  std::vector<std::string> out;
  for (const auto& f : report.body().findings()) out.push_back(f.code());
  return out;
}

std::map<std::string, rp::CheckStatus> check_statuses(const rp::Report& report) {
  std::map<std::string, rp::CheckStatus> out;
  for (const auto& c : report.body().device().checks()) out[c.id()] = c.status();
  return out;
}

// The whole recording was played: every host record sent, no connection left over.
void expect_fully_played(const std::string& path, std::vector<std::uint32_t> other_clients = {}) {
  const auto progress = transport::replay_progress(path_of(path));
  EXPECT_EQ(progress.unplayed_conns, other_clients);
  EXPECT_EQ(progress.unplayed_host_records, 0u);
}

const report::Pseudonymizer& pseudonymizer() {
  static const std::vector<std::uint8_t> key(32, 0x42);
  static const report::Pseudonymizer p(key);
  return p;
}

// Answers every question with what the capture's person typed, in order.
class ScriptedPerson final : public app::Person {
 public:
  explicit ScriptedPerson(const std::string& person_log) {
    std::ifstream in(person_log);
    const std::regex answer(R"(\[person\] -> '([^']*)')");
    std::string line;
    while (std::getline(in, line)) {
      std::smatch m;
      if (std::regex_search(line, m, answer)) answers_.push_back(m[1]);
    }
  }
  void tell(const std::string&) override {}
  bool confirm(const std::string&) override { return next().value_or("no") == "yes"; }
  std::optional<std::string> ask(const std::string&, bool) override { return next(); }
  bool interrupted() const override { return false; }
  std::size_t left() const { return answers_.size() - used_; }

 private:
  std::optional<std::string> next() {
    if (used_ >= answers_.size()) return std::nullopt;
    return answers_[used_++];
  }
  std::vector<std::string> answers_;
  std::size_t used_ = 0;
};

// --- Trezor One, coldcheck info -------------------------------------------------------

struct InfoCase {
  std::string name;
  std::string version;
  std::string revision;
  bool initialized;
  bool pin;
  std::optional<bool> unlocked;
  ::coldcheck::BackupState backup;
  std::vector<std::string> findings;
};

void PrintTo(const InfoCase& c, std::ostream* os) { *os << c.name; }

class T1Info : public ::testing::TestWithParam<InfoCase> {};

TEST_P(T1Info, ReplayGivesTheRealDevicesFacts) {
  const auto& c = GetParam();
  const std::string path = replay(c.name);
  const auto facts = app::read_facts(catalog(), transport::parse_device_path(path), {});
  EXPECT_EQ(facts.model_name(), "Trezor One");
  EXPECT_EQ(facts.protocol_vendor(), "trezor.io");
  EXPECT_EQ(facts.mode(), ::coldcheck::DEVICE_MODE_FIRMWARE);
  EXPECT_EQ(facts.firmware_version(), c.version);
  EXPECT_EQ(facts.firmware_revision(), c.revision);
  EXPECT_EQ(facts.bootloader_hash(), "9378f2d641be25b1d9c62d9c4d249c7a440ad34eff6246d9cf25d623a755267b");
  EXPECT_TRUE(facts.emulator());
  EXPECT_EQ(facts.path(), path);
  EXPECT_EQ(facts.initialized(), c.initialized);
  EXPECT_EQ(facts.pin_protection(), c.pin);
  EXPECT_EQ(facts.has_unlocked(), c.unlocked.has_value());
  if (c.unlocked) {
    EXPECT_EQ(facts.unlocked(), *c.unlocked);
  }
  EXPECT_EQ(facts.backup(), c.backup) << ::coldcheck::BackupState_Name(facts.backup());
  EXPECT_EQ(facts.device_id(), "AE3C744E355C817510C0EABF");
  // Firmware-age findings come from the dated catalog: 1.14.1 is the newest Trezor One
  // release and carries security fixes, so 1.13.0 is both outdated and missing them.
  std::vector<std::string> codes = finding_codes(facts);
  const auto firmware = std::stable_partition(codes.begin(), codes.end(),
                                              [](const std::string& code) { return code.rfind("CC-FW-", 0) != 0; });
  const std::vector<std::string> firmware_codes(firmware, codes.end());
  codes.erase(firmware, codes.end());
  EXPECT_THAT(codes, ::testing::ContainerEq(c.findings));
  if (c.version == "1.14.1") {
    EXPECT_THAT(firmware_codes, IsEmpty());
  } else {
    EXPECT_THAT(firmware_codes, ::testing::UnorderedElementsAre("CC-FW-OUTDATED", "CC-FW-SECURITY-FIX"));
    findings::Inputs inputs;
    inputs.facts = &facts;
    bool names_newest = false;
    for (const auto& f : findings::evaluate(inputs, catalog(), findings::Language::kEnglish)) {
      if (f.code() != "CC-FW-OUTDATED") continue;
      for (const auto& e : f.evidence()) names_newest |= e.expected().find("1.14.1") != std::string::npos;
    }
    EXPECT_TRUE(names_newest) << "a 1.13.0 device must be told that 1.14.1 is the newest release";
  }
  expect_fully_played(path);
}

const std::string k1141 = "725c0c01879329900f08fc453d8fd0fcb4d86090";
const std::string k1130 = "592590cf66a9b62dfeee7e4d2afb6e01005e5b2c";

INSTANTIATE_TEST_SUITE_P(RealFirmware, T1Info,
                         ::testing::Values(
                             // No wallet: backup_availability=NotAvailable says nothing about a backup.
                             InfoCase{"t1-1.14.1-info-uninit",
                                      "1.14.1",
                                      k1141,
                                      false,
                                      false,
                                      true,
                                      ::coldcheck::BACKUP_STATE_UNKNOWN,
                                      {"CC-DEV-NOT-INITIALIZED", "CC-AUTH-TEST-ROOT"}},
                             InfoCase{"t1-1.13.0-info-uninit",
                                      "1.13.0",
                                      k1130,
                                      false,
                                      false,
                                      true,
                                      ::coldcheck::BACKUP_STATE_UNKNOWN,
                                      {"CC-DEV-NOT-INITIALIZED", "CC-AUTH-TEST-ROOT"}},
                             // LoadDevice leaves no backup to make: NotAvailable on an initialized device is "done".
                             InfoCase{"t1-1.14.1-info-seeded",
                                      "1.14.1",
                                      k1141,
                                      true,
                                      false,
                                      true,
                                      ::coldcheck::BACKUP_STATE_DONE,
                                      {"CC-PIN-NOT-SET", "CC-AUTH-TEST-ROOT"}},
                             InfoCase{"t1-1.14.1-info-pinlocked",
                                      "1.14.1",
                                      k1141,
                                      true,
                                      true,
                                      false,
                                      ::coldcheck::BACKUP_STATE_DONE,
                                      {"CC-DEV-LOCKED", "CC-AUTH-TEST-ROOT"}}),
                         [](const auto& param_info) {
                           std::string n = param_info.param.name;
                           std::replace_if(
                               n.begin(), n.end(),
                               [](char ch) { return !std::isalnum(static_cast<unsigned char>(ch)); }, '_');
                           return n;
                         });

TEST(T1Verify, RevisionPassesAndTheRecordedHashIsShownButNotCompared) {
  const std::string path = replay("t1-1.14.1-verify-seeded");
  auto opened = app::open_device(catalog(), transport::parse_device_path(path));
  ASSERT_TRUE(opened.driver() != nullptr);
  const auto checks = app::genuineness_checks(*opened.driver(), opened.facts, catalog(), {});
  std::map<std::string, rp::CheckStatus> status;
  std::map<std::string, rp::CheckResult> by_id;
  for (const auto& c : checks) {
    status[c.id()] = c.status();
    by_id[c.id()] = c;
  }
  EXPECT_EQ(status["fw.revision"], rp::CHECK_PASS);
  EXPECT_EQ(status["fw.hash"], rp::CHECK_SKIPPED);
  EXPECT_EQ(status["auth.device"], rp::CHECK_UNSUPPORTED);
  // The replay asked the recorded challenge, so the evidence pairs the recorded hash
  // with the question it answers.
  const auto& ev = by_id["fw.hash"].evidence();
  ASSERT_GE(ev.size(), 2);
  EXPECT_EQ(ev[0].observed(), "f0aed475cfd7ebab554bdd4744b95d92ee261987c9cda9e858169d7d1937d304");
  EXPECT_EQ(ev[1].observed(), "534545f809fea0df1475a1f3ae17bd89bf5923282eabdfca9888df82cade4289");
  const auto progress = transport::replay_progress(path_of(path));
  EXPECT_FALSE(progress.challenge_replaced);
  expect_fully_played(path);
}

TEST(T1Verify, WithReleaseImagesAReplayedHashIsNotComparable) {
  const std::string path = replay("t1-1.14.1-verify-seeded");
  auto opened = app::open_device(catalog(), transport::parse_device_path(path));
  ASSERT_TRUE(opened.driver() != nullptr);
  app::GenuinenessOptions options;
  options.firmware_dir = std::string(CC_SOURCE_DIR) + "/tests/regress/fixtures";
  for (const auto& c : app::genuineness_checks(*opened.driver(), opened.facts, catalog(), options)) {
    if (c.id() != "fw.hash") continue;
    EXPECT_EQ(c.status(), rp::CHECK_SKIPPED);
    EXPECT_THAT(c.detail(), ::testing::HasSubstr("not comparable on replay"));
  }
  expect_fully_played(path);
}

// --- Trezor One, trezorctl's own sequences through our session code ------------------

TEST(T1Trezorctl, GetFeaturesOnItsSecondSocket) {
  const std::string path = replay("t1-1.14.1-trezorctl-get-features");
  drivers::TrezorDriver driver(transport::open_link(path_of(path)), catalog(), trezor::Table::kTrezor, {});
  const auto facts = driver.identify(/*fresh_session=*/true);
  EXPECT_EQ(facts.firmware_version(), "1.14.1");
  EXPECT_FALSE(facts.initialized());
  EXPECT_EQ(facts.backup(), ::coldcheck::BACKUP_STATE_UNKNOWN);
  expect_fully_played(path);
}

TEST(T1Trezorctl, PingOnAThirdSocketWithoutButtonProtection) {
  const std::string path = replay("t1-1.14.1-trezorctl-ping");
  {
    drivers::TrezorDriver driver(transport::open_link(path_of(path)), catalog(), trezor::Table::kTrezor, {});
    EXPECT_EQ(driver.identify(true).firmware_version(), "1.14.1");
  }
  auto link = transport::open_link(path_of(path));
  drivers::TrezorSession session(*link, trezor::Table::kTrezor);
  tw::Ping ping;
  ping.set_message("hello");  // trezorctl sends no button_protection field
  EXPECT_EQ(session.call_expect<tw::Success>(ping).message(), "hello");
  expect_fully_played(path);
}

// --- Trezor One, the whole backup check ----------------------------------------------

struct BackupCase {
  std::string name;
  app::BackupVerdict verdict;
};

void PrintTo(const BackupCase& c, std::ostream* os) { *os << c.name; }

class T1CheckBackup : public ::testing::TestWithParam<BackupCase> {};

TEST_P(T1CheckBackup, ThePersonsAnswersReplayTheDeviceVerdict) {
  const auto& c = GetParam();
  const std::string path = replay(c.name);
  ScriptedPerson person(fixture(c.name + ".person.log"));
  app::DiagnoseOptions options;
  options.device = transport::parse_device_path(path);
  options.check_backup = true;
  options.person = &person;
  const auto diagnosis = app::diagnose(catalog(), options, pseudonymizer());
  ASSERT_TRUE(diagnosis.backup);
  EXPECT_EQ(diagnosis.backup->verdict, c.verdict) << diagnosis.backup->detail;
  EXPECT_EQ(person.left(), 0u);
  const auto status = check_statuses(diagnosis.report);
  EXPECT_EQ(status.at("device.identify"), rp::CHECK_PASS);
  EXPECT_EQ(status.at("fw.revision"), rp::CHECK_PASS);
  EXPECT_EQ(status.at("fw.hash"), rp::CHECK_SKIPPED);
  EXPECT_EQ(status.at("backup.check"), c.verdict == app::BackupVerdict::kMatches ? rp::CHECK_PASS : rp::CHECK_FAIL);
  EXPECT_EQ(diagnosis.report.body().device().facts().path().rfind("replay:", 0), 0u);
  expect_fully_played(path);
}

INSTANTIATE_TEST_SUITE_P(RealFirmware, T1CheckBackup,
                         ::testing::Values(BackupCase{"t1-1.14.1-check-backup-match", app::BackupVerdict::kMatches},
                                           BackupCase{"t1-1.14.1-check-backup-mismatch",
                                                      app::BackupVerdict::kMismatch}),
                         [](const auto& param_info) {
                           return param_info.param.verdict == app::BackupVerdict::kMatches ? std::string("match")
                                                                                           : std::string("mismatch");
                         });

// --- Ledger (Speculos, Bitcoin app 2.0.1 on a Nano X) --------------------------------

TEST(LedgerSpeculos, InfoSeesTheOpenBitcoinApp) {
  const std::string path = replay("nanox-btc-2.0.1-info");
  const auto facts = app::read_facts(catalog(), transport::parse_device_path(path), {});
  EXPECT_EQ(facts.maker(), "Ledger");
  EXPECT_EQ(facts.ledger().screen(), ::coldcheck::LedgerFacts::SCREEN_APP);
  EXPECT_EQ(facts.ledger().app_name(), "Bitcoin");
  EXPECT_EQ(facts.ledger().app_version(), "2.0.1");
  EXPECT_EQ(facts.path(), path);
  EXPECT_THAT(finding_codes(facts), ElementsAre("CC-DEV-WRONG-APP", "CC-AUTH-TEST-ROOT"));
  expect_fully_played(path);
}

TEST(LedgerSpeculos, DiagnoseStopsAtTheOpenApp) {
  const std::string path = replay("nanox-btc-2.0.1-diagnose");
  app::DiagnoseOptions options;
  options.device = transport::parse_device_path(path);
  options.backup_not_run_reason = "not requested";
  const auto diagnosis = app::diagnose(catalog(), options, pseudonymizer());
  EXPECT_FALSE(diagnosis.device_error);
  // Inside an app the model cannot be read and Ledger's genuine check is not done
  // offline: never an OK, and the identify check says how to get the model.
  EXPECT_THAT(finding_codes(diagnosis.report),
              UnorderedElementsAre("CC-DEV-WRONG-APP", "CC-CHECK-INCOMPLETE", "CC-AUTH-TEST-ROOT"));
  EXPECT_EQ(diagnosis.report.body().verdict(), rp::VERDICT_ATTENTION);
  const auto status = check_statuses(diagnosis.report);
  EXPECT_EQ(status.at("device.identify"), rp::CHECK_UNKNOWN);
  for (const auto& c : diagnosis.report.body().device().checks()) {
    if (c.id() != "device.identify") continue;
    EXPECT_THAT(c.detail(), ::testing::HasSubstr("back to the dashboard"));
    EXPECT_THAT(c.ShortDebugString(), ::testing::Not(::testing::HasSubstr("not in the catalog")));
  }
  EXPECT_FALSE(diagnosis.report.body().device().facts().has_pin_protection());  // an app does not say
  EXPECT_EQ(status.at("auth.device"), rp::CHECK_SKIPPED);
  EXPECT_EQ(status.at("fw.revision"), rp::CHECK_UNSUPPORTED);
  EXPECT_EQ(status.at("fw.hash"), rp::CHECK_UNSUPPORTED);
  expect_fully_played(path);
}

TEST(LedgerSpeculos, RawApdusGetTheAppsStatusWords) {
  const std::string path = replay("nanox-btc-2.0.1-raw-apdu");
  auto channel = drivers::open_apdu_channel(path_of(path));
  const std::vector<std::uint8_t> app_and_version = {0xb0, 0x01, 0x00, 0x00, 0x00};
  const std::vector<std::uint8_t> e0_01 = {0xe0, 0x01, 0x00, 0x00, 0x00};
  const std::vector<std::uint8_t> cla_55 = {0x55, 0x01, 0x00, 0x00, 0x00};
  const auto first = channel->exchange(app_and_version, std::chrono::milliseconds(1000));
  EXPECT_EQ(first.sw, 0x9000);
  EXPECT_EQ(first.data.size(), 17u);
  EXPECT_EQ(channel->exchange(e0_01, std::chrono::milliseconds(1000)).sw, 0x6d00);
  EXPECT_EQ(channel->exchange(cla_55, std::chrono::milliseconds(1000)).sw, 0x6e00);
  expect_fully_played(path);
}

TEST(LedgerSpeculos, AnAppWaitingOnItsOwnScreenIsAFindingNotNoProblems) {
  const std::string path = replay("nanox-btc-2.0.1-info-busy");
  app::DiagnoseOptions options;
  options.device = transport::parse_device_path(path);
  options.backup_not_run_reason = "not requested";
  const auto diagnosis = app::diagnose(catalog(), options, pseudonymizer());
  ASSERT_TRUE(diagnosis.device_error);
  EXPECT_EQ(diagnosis.device_error->code(), ErrorCode::kTimeout);  // exit code 6, as live
  EXPECT_THAT(finding_codes(diagnosis.report), ElementsAre("CC-DEV-NO-REPLY"));
  const auto& f = diagnosis.report.body().findings(0);
  EXPECT_THAT(f.remediation(), ::testing::HasSubstr("finish or cancel it on the device"));
  EXPECT_THAT(f.remediation(), ::testing::HasSubstr("Close other wallet apps"));
  // conn 1 is the other client, whose request the app is showing.
  expect_fully_played(path, {1});
}

TEST(LedgerSpeculos, InfoOnTheBusyAppTimesOut) {
  const std::string path = replay("nanox-btc-2.0.1-info-busy");
  try {
    app::read_facts(catalog(), transport::parse_device_path(path), {});
    FAIL() << "expected a timeout";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kTimeout);
    EXPECT_NE(dynamic_cast<const app::DeviceSilent*>(&e), nullptr);
  }
}

}  // namespace
