// The real coldcheck binary against `coldcheck simulate` Ledger scenarios, over both
// the Speculos TCP protocol and Ledger HID reports over UDP.
#include <google/protobuf/util/json_util.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "coldcheck/facts.pb.h"
#include "coldcheck/report.pb.h"
#include "support/subprocess.hpp"

namespace cc {
namespace {

namespace fs = std::filesystem;
using test_support::run;
using test_support::start_simulator;
using ::testing::HasSubstr;
using Screen = ::coldcheck::LedgerFacts;

std::string cc_bin() { return test_support::coldcheck_binary(); }

struct Case {
  std::string scenario;
  std::string scheme;  // "udp" or "tcp"
};

std::string name_of(const ::testing::TestParamInfo<Case>& p) {
  std::string n = p.param.scenario + "_" + p.param.scheme;
  for (char& c : n) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return n;
}

std::string path_for(const test_support::SimProcess& sim, const std::string& scheme) {
  return scheme + ":127.0.0.1:" + std::to_string(sim.port);
}

::coldcheck::DeviceFacts info_json(const std::string& path) {
  const auto r = run({cc_bin(), "info", "--device", path, "--json", "--timeout-ms", "3000"}, std::chrono::seconds(30));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ::coldcheck::DeviceFacts facts;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(r.out, &facts).ok()) << r.out;
  return facts;
}

class LedgerInfo : public ::testing::TestWithParam<std::string> {};

TEST_P(LedgerInfo, DashboardFacts) {
  auto sim = start_simulator("ledger-dashboard");
  const auto f = info_json(path_for(sim, GetParam()));
  EXPECT_EQ(f.maker(), "Ledger");
  EXPECT_EQ(f.catalog_id(), "ledger-nano-s");
  EXPECT_EQ(f.model_name(), "Ledger Nano S");
  EXPECT_EQ(f.mode(), ::coldcheck::DEVICE_MODE_FIRMWARE);
  EXPECT_EQ(f.firmware_version(), "1.5.5");
  EXPECT_TRUE(f.emulator());
  EXPECT_EQ(f.ledger().screen(), Screen::SCREEN_DASHBOARD);
  EXPECT_EQ(f.ledger().target_id(), 0x31100004u);
  EXPECT_EQ(f.ledger().se_version(), "1.5.5");
  EXPECT_EQ(f.ledger().mcu_version(), "1.7");
  EXPECT_TRUE(f.ledger().onboarded());
  EXPECT_TRUE(f.ledger().pin_validated());
  EXPECT_FALSE(f.ledger().trust_custom_ca());
  EXPECT_TRUE(f.unlocked());
}

TEST_P(LedgerInfo, AppOpenLockedBootloaderCustomCa) {
  {
    auto sim = start_simulator("ledger-app-bitcoin");
    const auto f = info_json(path_for(sim, GetParam()));
    EXPECT_EQ(f.ledger().screen(), Screen::SCREEN_APP);
    EXPECT_EQ(f.ledger().app_name(), "Bitcoin");
    EXPECT_EQ(f.ledger().app_version(), "2.1.3");
    EXPECT_TRUE(f.firmware_version().empty());  // only the dashboard says
    EXPECT_FALSE(f.has_pin_protection());       // nor does an app tell the PIN state
    EXPECT_FALSE(f.has_unlocked());
  }
  {
    auto sim = start_simulator("ledger-locked");
    const auto f = info_json(path_for(sim, GetParam()));
    EXPECT_EQ(f.ledger().screen(), Screen::SCREEN_LOCKED);
    EXPECT_EQ(f.ledger().last_status(), "0x5515");
    EXPECT_FALSE(f.unlocked());
  }
  {
    auto sim = start_simulator("ledger-bootloader");
    const auto f = info_json(path_for(sim, GetParam()));
    EXPECT_EQ(f.mode(), ::coldcheck::DEVICE_MODE_BOOTLOADER);
    EXPECT_EQ(f.ledger().screen(), Screen::SCREEN_BOOTLOADER);
    EXPECT_EQ(f.model_name(), "Ledger Nano X");  // from the SE target id
    EXPECT_EQ(f.bootloader_version(), "2.30");
  }
  {
    auto sim = start_simulator("ledger-custom-ca");
    const auto f = info_json(path_for(sim, GetParam()));
    EXPECT_TRUE(f.ledger().trust_custom_ca());
  }
}

TEST_P(LedgerInfo, TextShowsLedgerRows) {
  auto sim = start_simulator("ledger-app-bitcoin");
  const auto r = run({cc_bin(), "info", "--device", path_for(sim, GetParam())}, std::chrono::seconds(30));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // An app does not answer GET VERSION, so over the network the model stays unknown.
  EXPECT_THAT(r.out, HasSubstr("unknown model"));
  EXPECT_THAT(r.out, HasSubstr("app open"));
  EXPECT_THAT(r.out, HasSubstr("Bitcoin 2.1.3"));
}

TEST_P(LedgerInfo, ListIdentifiesTheEndpoint) {
  auto sim = start_simulator("ledger-dashboard");
  const auto path = path_for(sim, GetParam());
  const auto r = run({cc_bin(), "list", "--emulator", path}, std::chrono::seconds(30));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr(path + "  Ledger Nano S  [firmware, ready]  dashboard"));
}

INSTANTIATE_TEST_SUITE_P(Schemes, LedgerInfo, ::testing::Values("udp", "tcp"));

class LedgerDiagnose : public ::testing::TestWithParam<Case> {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cc-ledger-" + std::to_string(::getpid()) + "-" + name_of({GetParam(), 0}));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

// Every Ledger diagnosis also says CC-CHECK-INCOMPLETE: the genuine check needs Ledger's
// servers, so it is not done, and the verdict is never OK.
std::set<std::string> expected_codes(const std::string& scenario) {
  if (scenario == "ledger-dashboard") return {"CC-AUTH-TEST-ROOT", "CC-CHECK-INCOMPLETE"};
  if (scenario == "ledger-app-bitcoin") return {"CC-DEV-WRONG-APP", "CC-AUTH-TEST-ROOT", "CC-CHECK-INCOMPLETE"};
  if (scenario == "ledger-locked") return {"CC-DEV-LOCKED", "CC-AUTH-TEST-ROOT", "CC-CHECK-INCOMPLETE"};
  if (scenario == "ledger-custom-ca") return {"CC-LEDGER-CUSTOM-CA", "CC-AUTH-TEST-ROOT", "CC-CHECK-INCOMPLETE"};
  if (scenario == "ledger-bootloader") return {"CC-DEV-BOOTLOADER", "CC-AUTH-TEST-ROOT", "CC-CHECK-INCOMPLETE"};
  if (scenario == "ledger-outdated") return {"CC-FW-OUTDATED", "CC-AUTH-TEST-ROOT", "CC-CHECK-INCOMPLETE"};
  return {};
}

TEST_P(LedgerDiagnose, FindingsAndAnHonestGenuineCheck) {
  const auto& c = GetParam();
  auto sim = start_simulator(c.scenario);
  const auto out = dir_ / "report.json";
  const auto r = run({cc_bin(), "diagnose", "--device", path_for(sim, c.scheme), "--key", (dir_ / "key").string(),
                      "--lang", "en", "-q", "--out", out.string()},
                     std::chrono::seconds(60));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::ifstream in(out);
  std::stringstream text;
  text << in.rdbuf();
  ::coldcheck::report::Report report;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(text.str(), &report).ok()) << text.str();
  std::set<std::string> got;
  for (const auto& f : report.body().findings()) got.insert(f.code());
  EXPECT_EQ(got, expected_codes(c.scenario));
  EXPECT_NE(report.body().verdict(), ::coldcheck::report::VERDICT_OK);
  bool genuine_listed = false;
  for (const auto& check : report.body().device().checks()) {
    if (check.id() != "auth.device") continue;
    genuine_listed = true;
    EXPECT_EQ(check.status(), ::coldcheck::report::CHECK_SKIPPED);
    EXPECT_THAT(check.ShortDebugString(), HasSubstr("not verified offline"));
  }
  EXPECT_TRUE(genuine_listed);
}

INSTANTIATE_TEST_SUITE_P(Scenarios, LedgerDiagnose,
                         ::testing::Values(Case{"ledger-dashboard", "udp"}, Case{"ledger-dashboard", "tcp"},
                                           Case{"ledger-app-bitcoin", "udp"}, Case{"ledger-app-bitcoin", "tcp"},
                                           Case{"ledger-locked", "tcp"}, Case{"ledger-locked", "udp"},
                                           Case{"ledger-custom-ca", "tcp"}, Case{"ledger-custom-ca", "udp"},
                                           Case{"ledger-bootloader", "udp"}, Case{"ledger-bootloader", "tcp"},
                                           Case{"ledger-outdated", "tcp"}, Case{"ledger-outdated", "udp"}),
                         name_of);

TEST(LedgerErrors, NothingListeningOnTcpIsDisconnected) {
  // A port just freed by a finished simulator: nothing listens there any more.
  unsigned port = 0;
  {
    auto sim = start_simulator("ledger-dashboard");
    port = sim.port;
  }
  const auto r = run({cc_bin(), "info", "--device", "tcp:127.0.0.1:" + std::to_string(port)}, std::chrono::seconds(30));
  EXPECT_EQ(r.exit_code, 7) << r.err;
  EXPECT_THAT(r.err, HasSubstr("connection refused"));
}

TEST(LedgerErrors, TrezorScenarioOverUdpStillWorks) {
  // Family detection must not get in the Trezor emulator's way.
  auto sim = start_simulator("healthy-safe3");
  const auto r = run({cc_bin(), "info", "--device", sim.path(), "--json"}, std::chrono::seconds(30));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Trezor Safe 3"));
}

}  // namespace
}  // namespace cc
