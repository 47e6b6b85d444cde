// A new model is a data file: a catalog directory with the shipped models plus a
// made-up Trezor-protocol model (internal model "T9Z9", known capabilities only) is
// passed with --catalog, and a simulator of that model is identified and diagnosed
// from the file's data alone: its name, releases, minimum firmware per capability and
// backup method. The same device without the file stays an unknown model.
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "coldcheck/facts.pb.h"
#include "coldcheck/report.pb.h"
#include "support/subprocess.hpp"

namespace cc {
namespace {

namespace fs = std::filesystem;
namespace rp = ::coldcheck::report;
using test_support::run;

constexpr const char* kModelFile =
    R"pb(# A made-up model for tests: no such device exists.
         id: "trezor-safe-9-test"
         vendor: "Trezor"
         name: "Trezor Safe 9 (test model)"
         protocol: PROTOCOL_TREZOR_V1
         message_table: TABLE_TREZOR
         usb {
           vendor_id: 0x1209
           product_id: 0x53c1
           mode: MODE_FIRMWARE
           transport: TRANSPORT_WEBUSB
           interface_number: 0
           shared: true
         }
         features_match { vendor: "trezor.io" model: "Safe 9" internal_model: "T9Z9" }
         capabilities: CAPABILITY_FEATURES
         capabilities: CAPABILITY_PING
         capabilities: CAPABILITY_FIRMWARE_HASH
         capabilities: CAPABILITY_AUTHENTICATE_DEVICE
         capabilities: CAPABILITY_DRY_RUN_ON_DEVICE
         capabilities: CAPABILITY_PASSPHRASE_ON_DEVICE
         capability_firmware { capability: CAPABILITY_AUTHENTICATE_DEVICE min_version: "2.13.0" }
         firmware_areas { internal_model: "T9Z9" size_kib: 1664 source: "test" }
         releases {
           version: "2.12.5"
           date: "2025-01-01"
           firmware_revision: "66ac7295aaa0aa9fb427a0cc035b34dd61b6d472"
           source: "test"
         }
         releases {
           version: "2.13.0"
           date: "2025-06-01"
           firmware_revision: "00112233445566778899aabbccddeeff00112233"
           source: "test"
         }
    )pb";

constexpr const char* kScenario =
    R"pb(name: "safe9-test"
         description: "made-up Trezor Safe 9 (T9Z9), firmware 2.12.5"
         table: TABLE_TREZOR
         pin: "1357"
         features {
           vendor: "trezor.io"
           major_version: 2
           minor_version: 12
           patch_version: 5
           device_id: "SIMFAKE0000000000000S9T1"
           pin_protection: true
           passphrase_protection: false
           label: "Simulated Safe 9"
           initialized: true
           revision: "\x66\xac\x72\x95\xaa\xa0\xaa\x9f\xb4\x27\xa0\xcc\x03\x5b\x34\xdd\x61\xb6\xd4\x72"
           unlocked: true
           model: "Safe 9"
           no_backup: false
           unfinished_backup: false
           backup_type: BACKUP_TYPE_BIP39
           internal_model: "T9Z9"
           bootloader_locked: true
         }
    )pb";

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write(const fs::path& p, const std::string& text) {
  std::ofstream out(p);
  out << text;
}

class NewModelFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cc-new-model-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "devices");
    for (const auto& entry : fs::directory_iterator(fs::path(CC_SOURCE_DIR) / "devices")) {
      fs::copy_file(entry.path(), dir_ / "devices" / entry.path().filename());
    }
    write(dir_ / "devices" / "trezor-safe-9-test.textproto", kModelFile);
    write(dir_ / "safe9.textproto", kScenario);
    sim_ = test_support::start_simulator((dir_ / "safe9.textproto").string());
  }
  void TearDown() override { fs::remove_all(dir_); }

  rp::Report diagnose(bool with_catalog) {
    const fs::path out = dir_ / (with_catalog ? "with.json" : "without.json");
    std::vector<std::string> argv{test_support::coldcheck_binary(),
                                  "diagnose",
                                  "--device",
                                  sim_.path(),
                                  "--key",
                                  (dir_ / "key").string(),
                                  "--out",
                                  out.string(),
                                  "--lang",
                                  "en",
                                  "-q"};
    if (with_catalog) {
      argv.push_back("--catalog");
      argv.push_back((dir_ / "devices").string());
    }
    const auto r = run(argv, std::chrono::seconds(60));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    rp::Report report;
    const auto status = google::protobuf::util::JsonStringToMessage(slurp(out), &report);
    EXPECT_TRUE(status.ok()) << status.ToString();
    return report;
  }

  fs::path dir_;
  test_support::SimProcess sim_;
};

std::map<std::string, rp::CheckResult> checks_of(const rp::Report& report) {
  std::map<std::string, rp::CheckResult> out;
  for (const auto& c : report.body().device().checks()) out[c.id()] = c;
  return out;
}

TEST_F(NewModelFile, DiagnosesTheNewModelFromItsFileAlone) {
  const auto report = diagnose(true);
  const auto& facts = report.body().device().facts();
  EXPECT_EQ(facts.catalog_id(), "trezor-safe-9-test");
  EXPECT_EQ(facts.model_name(), "Trezor Safe 9 (test model)");
  EXPECT_EQ(facts.maker(), "Trezor");
  EXPECT_EQ(facts.internal_model(), "T9Z9");

  auto checks = checks_of(report);
  ASSERT_TRUE(checks.count("fw.revision"));
  EXPECT_EQ(checks["fw.revision"].status(), rp::CHECK_PASS) << checks["fw.revision"].detail();
  // The file's capability_firmware asks 2.13.0 for attestation: not even asked.
  ASSERT_TRUE(checks.count("auth.device"));
  EXPECT_EQ(checks["auth.device"].status(), rp::CHECK_UNSUPPORTED);
  EXPECT_NE(checks["auth.device"].detail().find("firmware version"), std::string::npos)
      << checks["auth.device"].detail();
  // Hashing is a listed capability, so the device is asked; this simulated one has no
  // flash image and answers that it cannot: tried and not finished, not the model's limit.
  ASSERT_TRUE(checks.count("fw.hash"));
  EXPECT_EQ(checks["fw.hash"].status(), rp::CHECK_ERROR);
  // DRY_RUN_ON_DEVICE: the backup check is offered (not run here), not unsupported.
  ASSERT_TRUE(checks.count("backup.check"));
  EXPECT_EQ(checks["backup.check"].status(), rp::CHECK_SKIPPED) << checks["backup.check"].detail();

  std::set<std::string> codes;
  for (const auto& f : report.body().findings()) codes.insert(f.code());
  EXPECT_TRUE(codes.count("CC-FW-OUTDATED")) << "2.13.0 in the file is newer than 2.12.5";
  EXPECT_FALSE(codes.count("CC-CLONE-MISIDENTIFIED"));
}

TEST_F(NewModelFile, WithoutTheFileTheModelIsUnknown) {
  const auto report = diagnose(false);
  EXPECT_TRUE(report.body().device().facts().catalog_id().empty());
  auto checks = checks_of(report);
  // It answered, but nothing it said names a model this catalog knows: not a pass.
  ASSERT_TRUE(checks.count("device.identify"));
  EXPECT_EQ(checks["device.identify"].status(), rp::CHECK_UNKNOWN);
  EXPECT_NE(report.body().verdict(), rp::VERDICT_OK);
  ASSERT_TRUE(checks.count("backup.check"));
  EXPECT_EQ(checks["backup.check"].status(), rp::CHECK_UNSUPPORTED);
}

TEST_F(NewModelFile, InfoAndListNameTheNewModel) {
  const std::string catalog = (dir_ / "devices").string();
  const auto info =
      run({test_support::coldcheck_binary(), "info", "--device", sim_.path(), "--json", "--catalog", catalog});
  ASSERT_EQ(info.exit_code, 0) << info.err;
  ::coldcheck::DeviceFacts facts;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(info.out, &facts).ok()) << info.out;
  EXPECT_EQ(facts.catalog_id(), "trezor-safe-9-test");
  const auto list =
      run({test_support::coldcheck_binary(), "list", "--json", "--emulator", sim_.path(), "--catalog", catalog});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("Trezor Safe 9 (test model)"), std::string::npos) << list.out;
}

}  // namespace
}  // namespace cc
