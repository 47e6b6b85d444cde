// One suite for every device family, as HWI runs one suite against every emulator: the
// real coldcheck binary (list --emulator, info --json, diagnose) against a simulated
// device per row, over real sockets. A new family is a new row: give it a `start`
// that brings up its endpoint (a Ledger row would start Speculos or a TCP simulator)
// and the values the catalog and its findings must produce.
#include <google/protobuf/util/json_util.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "coldcheck/facts.pb.h"
#include "coldcheck/report.pb.h"
#include "support/subprocess.hpp"

namespace cc {
namespace {

namespace fs = std::filesystem;
namespace rp = ::coldcheck::report;
using test_support::run;
using ::testing::HasSubstr;

struct Endpoint {
  std::unique_ptr<test_support::Background> process;
  std::string path;
};

Endpoint start_trezor_protocol_sim(const std::string& scenario) {
  auto sim = test_support::start_simulator(scenario);
  const std::string path = sim.path();
  return Endpoint{std::move(sim.process), path};
}

// Ledger scenarios answer Speculos TCP and Ledger HID over UDP on the same port number.
Endpoint start_ledger_tcp(const std::string& scenario) {
  auto sim = test_support::start_simulator(scenario);
  const std::string path = "tcp:127.0.0.1:" + std::to_string(sim.port);
  return Endpoint{std::move(sim.process), path};
}

struct Row {
  std::string scenario;
  std::string maker;
  std::string catalog_id;
  ::coldcheck::DeviceMode mode = ::coldcheck::DEVICE_MODE_FIRMWARE;
  std::string firmware_version;
  std::string bootloader_version;
  std::string message_table;
  std::set<std::string> codes;                                  // must be among the findings
  std::set<std::string> absent_codes;                           // must not be
  std::vector<std::pair<std::string, rp::CheckStatus>> checks;  // device check id -> status
  std::function<Endpoint(const std::string&)> start = start_trezor_protocol_sim;
};

// Rows name only what they check; the rest stays default.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
const Row kRows[] = {
    // Its bootloader hash is the published 1.8.0 one (legacy/firmware/bl_check.c), which
    // the catalog names.
    {.scenario = "outdated-trezor-one",
     .maker = "Trezor",
     .catalog_id = "trezor-one",
     .firmware_version = "1.8.3",
     .bootloader_version = "1.8.0",
     .message_table = "trezor",
     .codes = {"CC-FW-OUTDATED", "CC-FW-SECURITY-FIX", "CC-AUTH-TEST-ROOT"},
     .absent_codes = {"CC-CLONE-MISIDENTIFIED", "CC-FW-BOOTLOADER-UNKNOWN"}},
    {.scenario = "healthy-model-t",
     .maker = "Trezor",
     .catalog_id = "trezor-model-t",
     .firmware_version = "2.12.5",
     .message_table = "trezor",
     .codes = {"CC-AUTH-TEST-ROOT"},
     .absent_codes = {"CC-FW-OUTDATED", "CC-CLONE-MISIDENTIFIED"},
     .checks = {{"fw.revision", rp::CHECK_PASS}}},
    {.scenario = "healthy-safe3",
     .maker = "Trezor",
     .catalog_id = "trezor-safe-3",
     .firmware_version = "2.12.5",
     .message_table = "trezor",
     .codes = {"CC-AUTH-TEST-ROOT"},
     .absent_codes = {"CC-FW-OUTDATED", "CC-CLONE-MISIDENTIFIED"}},
    {.scenario = "bootloader-mode",
     .maker = "Trezor",
     .catalog_id = "trezor-model-t",
     .mode = ::coldcheck::DEVICE_MODE_BOOTLOADER,
     .firmware_version = "2.8.10",
     .bootloader_version = "2.1.8",
     .message_table = "trezor",
     .codes = {"CC-DEV-BOOTLOADER"}},
    {.scenario = "keepkey-healthy",
     .maker = "KeepKey",
     .catalog_id = "keepkey",
     .firmware_version = "7.10.0",
     .bootloader_version = "2.1.4",
     .message_table = "keepkey",
     .codes = {"CC-AUTH-TEST-ROOT"},
     .absent_codes = {"CC-FW-UNKNOWN-VERSION", "CC-CLONE-MISIDENTIFIED", "CC-PIN-NOT-SET"},
     .checks = {{"fw.bootloader", rp::CHECK_PASS},
                {"fw.hash", rp::CHECK_UNSUPPORTED},
                {"auth.device", rp::CHECK_UNSUPPORTED},
                {"backup.check", rp::CHECK_UNSUPPORTED}}},
    // KeepKey releases are unverified in the catalog: the version shows, CC-FW-OUTDATED cannot.
    {.scenario = "keepkey-outdated",
     .maker = "KeepKey",
     .catalog_id = "keepkey",
     .firmware_version = "7.1.7",
     .bootloader_version = "1.0.3",
     .message_table = "keepkey",
     .codes = {"CC-PIN-NOT-SET"},
     .absent_codes = {"CC-FW-UNKNOWN-VERSION", "CC-FW-OUTDATED"},
     .checks = {{"fw.bootloader", rp::CHECK_PASS}}},
    {.scenario = "keepkey-bootloader",
     .maker = "KeepKey",
     .catalog_id = "keepkey",
     .mode = ::coldcheck::DEVICE_MODE_BOOTLOADER,
     .bootloader_version = "2.1.4",
     .message_table = "keepkey",
     .codes = {"CC-DEV-BOOTLOADER"},
     .checks = {{"fw.bootloader", rp::CHECK_PASS}}},
    {.scenario = "keepkey-unknown-bootloader",
     .maker = "KeepKey",
     .catalog_id = "keepkey",
     .firmware_version = "7.10.0",
     .message_table = "keepkey",
     .checks = {{"fw.bootloader", rp::CHECK_WARN}}},
    {.scenario = "onekey-healthy",
     .maker = "OneKey",
     .catalog_id = "onekey-classic",
     .firmware_version = "3.15.0",
     .message_table = "trezor",
     .codes = {"CC-CLONE-MISIDENTIFIED", "CC-AUTH-TEST-ROOT"},
     .absent_codes = {"CC-FW-UNKNOWN-VERSION"}},
    {.scenario = "onekey-outdated",
     .maker = "OneKey",
     .catalog_id = "onekey-classic",
     .firmware_version = "3.9.0",
     .message_table = "trezor",
     .codes = {"CC-CLONE-MISIDENTIFIED"},
     .absent_codes = {"CC-FW-UNKNOWN-VERSION"}},
    // Vendor says trezor.io; the OneKey-only fields decide.
    {.scenario = "onekey-trezor-compat",
     .maker = "OneKey",
     .catalog_id = "onekey-pro",
     .firmware_version = "4.10.0",
     .message_table = "trezor",
     .codes = {"CC-CLONE-MISIDENTIFIED"},
     .checks = {{"fw.hash", rp::CHECK_UNSUPPORTED}, {"auth.device", rp::CHECK_UNSUPPORTED}}},
    {.scenario = "onekey-bootloader",
     .maker = "OneKey",
     .catalog_id = "onekey-classic",
     .mode = ::coldcheck::DEVICE_MODE_BOOTLOADER,
     .bootloader_version = "2.0.0",
     .message_table = "trezor",
     .codes = {"CC-DEV-BOOTLOADER"}},
    // Ledger: HID framing over UDP for one row, the Speculos protocol for the rest.
    {.scenario = "ledger-dashboard",
     .maker = "Ledger",
     .catalog_id = "ledger-nano-s",
     .firmware_version = "1.5.5",
     .absent_codes = {"CC-FW-OUTDATED", "CC-LEDGER-CUSTOM-CA", "CC-DEV-WRONG-APP"},
     .checks = {{"auth.device", rp::CHECK_SKIPPED}, {"fw.hash", rp::CHECK_UNSUPPORTED}}},
    {.scenario = "ledger-outdated",
     .maker = "Ledger",
     .catalog_id = "ledger-nano-s",
     .firmware_version = "1.4.1",
     .codes = {"CC-FW-OUTDATED"},
     .absent_codes = {"CC-LEDGER-CUSTOM-CA"},
     .start = start_ledger_tcp},
    {.scenario = "ledger-custom-ca",
     .maker = "Ledger",
     .catalog_id = "ledger-nano-s",
     .firmware_version = "1.5.5",
     .codes = {"CC-LEDGER-CUSTOM-CA"},
     .start = start_ledger_tcp},
    {.scenario = "ledger-bootloader",
     .maker = "Ledger",
     .catalog_id = "ledger-nano-x",
     .mode = ::coldcheck::DEVICE_MODE_BOOTLOADER,
     .bootloader_version = "2.30",
     .codes = {"CC-DEV-BOOTLOADER"},
     .start = start_ledger_tcp},
};
#pragma GCC diagnostic pop

// gtest prints a failing row by its scenario, not as bytes.
void PrintTo(const Row& row, std::ostream* os) { *os << row.scenario; }

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

template <typename M>
M parse_json(const std::string& json) {
  M m;
  const auto status = google::protobuf::util::JsonStringToMessage(json, &m);
  EXPECT_TRUE(status.ok()) << status.ToString() << "\n" << json;
  return m;
}

class Family : public ::testing::TestWithParam<Row> {
 protected:
  void SetUp() override {
    endpoint_ = GetParam().start(GetParam().scenario);
    dir_ = fs::temp_directory_path() / ("cc-family-" + std::to_string(::getpid()) + "-" + GetParam().scenario);
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  Endpoint endpoint_;
  fs::path dir_;
};

TEST_P(Family, ListIdentifiesTheEmulator) {
  const Row& row = GetParam();
  const auto r = run({test_support::coldcheck_binary(), "list", "--json", "--emulator", endpoint_.path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto list = parse_json<::coldcheck::DeviceList>(r.out);
  const ::coldcheck::ListedDevice* found = nullptr;
  for (const auto& d : list.devices()) {
    if (d.path() == endpoint_.path) found = &d;
  }
  ASSERT_NE(found, nullptr) << r.out;
  EXPECT_EQ(found->state(), ::coldcheck::ACCESS_READY) << found->detail();
  EXPECT_EQ(found->maker(), row.maker);
  EXPECT_EQ(found->catalog_id(), row.catalog_id);
  EXPECT_EQ(found->mode(), row.mode);
}

TEST_P(Family, InfoReportsIdentityAndVersions) {
  const Row& row = GetParam();
  const auto r = run({test_support::coldcheck_binary(), "info", "--device", endpoint_.path, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto facts = parse_json<::coldcheck::DeviceFacts>(r.out);
  EXPECT_EQ(facts.maker(), row.maker);
  EXPECT_EQ(facts.catalog_id(), row.catalog_id);
  EXPECT_FALSE(facts.model_name().empty());
  EXPECT_EQ(facts.mode(), row.mode);
  EXPECT_EQ(facts.firmware_version(), row.firmware_version);
  EXPECT_EQ(facts.bootloader_version(), row.bootloader_version);
  EXPECT_EQ(facts.message_table(), row.message_table);
  EXPECT_TRUE(facts.emulator());
  EXPECT_TRUE(facts.device_id().empty()) << "device id must never be printed";
}

TEST_P(Family, DiagnoseRaisesTheExpectedFindingsAndChecks) {
  const Row& row = GetParam();
  const fs::path out = dir_ / "report.json";
  const auto r = run({test_support::coldcheck_binary(), "diagnose", "--device", endpoint_.path, "--key",
                      (dir_ / "key").string(), "--out", out.string(), "--lang", "en", "-q"},
                     std::chrono::seconds(60));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto report = parse_json<rp::Report>(slurp(out));
  std::set<std::string> codes;
  for (const auto& f : report.body().findings()) codes.insert(f.code());
  for (const auto& want : row.codes) EXPECT_TRUE(codes.count(want)) << want << " missing";
  for (const auto& not_want : row.absent_codes) EXPECT_FALSE(codes.count(not_want)) << not_want << " raised";
  EXPECT_EQ(report.body().device().facts().maker(), row.maker);
  for (const auto& [id, status] : row.checks) {
    const rp::CheckResult* check = nullptr;
    for (const auto& c : report.body().device().checks()) {
      if (c.id() == id) check = &c;
    }
    ASSERT_NE(check, nullptr) << id << " not in the report";
    EXPECT_EQ(check->status(), status) << id << ": " << check->detail();
    EXPECT_FALSE(check->title().empty()) << id;
    if (status == rp::CHECK_UNSUPPORTED || status == rp::CHECK_WARN) {
      EXPECT_FALSE(check->detail().empty()) << id << " gives no reason";
    }
  }
}

TEST_P(Family, NothingListeningIsADisconnectNamingThePath) {
  const std::string path = endpoint_.path;
  endpoint_.process->terminate();
  const auto r = run({test_support::coldcheck_binary(), "info", "--device", path, "--timeout-ms", "800"},
                     std::chrono::seconds(30));
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 7) << r.err;
  EXPECT_THAT(r.err, HasSubstr(path));
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST_P(Family, MisspelledScenarioIsNotFound) {
  const auto r = run({test_support::coldcheck_binary(), "simulate", "--scenario", GetParam().scenario + "-nope"},
                     std::chrono::seconds(30));
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_THAT(r.err, HasSubstr(GetParam().scenario));
}

INSTANTIATE_TEST_SUITE_P(Rows, Family, ::testing::ValuesIn(kRows), [](const auto& p) {
  std::string n = p.param.scenario;
  for (char& c : n) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return n;
});

}  // namespace
}  // namespace cc
