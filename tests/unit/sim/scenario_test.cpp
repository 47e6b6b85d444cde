#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include <gmock/gmock.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "protocol/trezor/codec.hpp"
#include "sim/simulator.hpp"

namespace cc::sim {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const fs::path kScenarioDir = fs::path(CC_SOURCE_DIR) / "firmware_fixtures" / "scenarios";

ErrorCode code_of(auto&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  ADD_FAILURE() << "no cc::Error thrown";
  return ErrorCode::kInternal;
}

std::string message_of(auto&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  ADD_FAILURE() << "no cc::Error thrown";
  return {};
}

constexpr std::string_view kMinimal = R"(
name: "t"
features { vendor: "trezor.io" major_version: 2 minor_version: 8 patch_version: 10 }
)";

TEST(Scenario, EveryBuiltinParsesAndIsNamedAfterItsFile) {
  const auto names = builtin_scenario_names();
  ASSERT_FALSE(names.empty());
  for (const auto& name : names) {
    SCOPED_TRACE(name);
    const Scenario s = builtin_scenario(name);
    EXPECT_EQ(s.name(), name);
    EXPECT_FALSE(s.description().empty());
    if (!s.has_ledger()) {
      // KeepKey speaks its own table; every other Trezor-protocol family speaks Trezor's.
      EXPECT_EQ(s.table(),
                name.rfind("keepkey-", 0) == 0 ? coldcheck::sim::TABLE_KEEPKEY : coldcheck::sim::TABLE_TREZOR);
    }
  }
}

TEST(Scenario, EmbeddedCopiesMatchTheFilesOnDisk) {
  std::set<std::string> on_disk;
  for (const auto& entry : fs::directory_iterator(kScenarioDir)) {
    if (entry.path().extension() != ".textproto") continue;
    const std::string stem = entry.path().stem().string();
    on_disk.insert(stem);
    SCOPED_TRACE(stem);
    EXPECT_TRUE(
        google::protobuf::util::MessageDifferencer::Equals(load_scenario_file(entry.path()), builtin_scenario(stem)));
  }
  const auto names = builtin_scenario_names();
  EXPECT_EQ(on_disk, std::set<std::string>(names.begin(), names.end()));
}

TEST(Scenario, RequiredScenariosExist) {
  const auto names = builtin_scenario_names();
  for (const char* required : {"healthy-safe3",        "healthy-model-t",      "outdated-trezor-one",
                               "bootloader-mode",      "uninitialized",        "locked",
                               "fault-garbage",        "fault-silence",        "fault-oversized",
                               "fault-truncated",      "fault-wrong-magic",    "fault-busy",
                               "genuine-safe3",        "counterfeit-revision", "modified-firmware",
                               "attest-bad-signature", "attest-unknown-root",  "attest-blacklisted-ca",
                               "attest-wrong-model",   "unlocked-bootloader"}) {
    EXPECT_THAT(names, ::testing::Contains(std::string(required)));
  }
}

TEST(Scenario, EveryFileStartsWithAComment) {
  for (const auto& entry : fs::directory_iterator(kScenarioDir)) {
    std::ifstream in(entry.path());
    std::string first;
    std::getline(in, first);
    EXPECT_EQ(first.rfind("# ", 0), 0u) << entry.path();
  }
}

TEST(Scenario, KeyValuesOfTheHealthySafe3) {
  const Scenario s = builtin_scenario("healthy-safe3");
  const auto& f = s.features();
  EXPECT_EQ(f.vendor(), "trezor.io");
  EXPECT_EQ(f.model(), "Safe 3");
  EXPECT_EQ(f.internal_model(), "T2B1");
  EXPECT_EQ(f.major_version(), 2u);
  EXPECT_EQ(f.minor_version(), 12u);
  EXPECT_TRUE(f.bootloader_locked());
  EXPECT_TRUE(f.initialized());
  EXPECT_TRUE(f.pin_protection());
  EXPECT_TRUE(f.unlocked());
  EXPECT_EQ(f.revision().size(), 20u);
  EXPECT_EQ(f.backup_availability(), coldcheck::wire::trezor::BACKUP_NOT_AVAILABLE);
  EXPECT_FALSE(f.has_session_id());
}

TEST(Scenario, BootloaderScenarioReportsTheFirmwareItCarries) {
  const Scenario s = builtin_scenario("bootloader-mode");
  const auto& f = s.features();
  EXPECT_TRUE(f.bootloader_mode());
  EXPECT_TRUE(f.firmware_present());
  EXPECT_TRUE(f.has_fw_major() && f.has_fw_minor() && f.has_fw_patch() && f.has_fw_vendor());
}

TEST(Scenario, TruncatedFaultHasAMultiPacketFeatures) {
  const auto f = builtin_scenario("fault-truncated").features();
  EXPECT_GT(cc::trezor::packet_count(f.ByteSizeLong()), 1u);
}

TEST(Scenario, SyntaxErrorReportsFileLineAndColumn) {
  const std::string text = "name: \"x\"\nfeatures {\n  vendor: 12 oops\n}\n";
  EXPECT_EQ(code_of([&] { parse_scenario(text, "bad.textproto"); }), ErrorCode::kInvalidArgument);
  EXPECT_THAT(message_of([&] { parse_scenario(text, "bad.textproto"); }),
              ::testing::StartsWith("bad.textproto:3:11: "));
}

TEST(Scenario, UnknownFieldReportsItsPosition) {
  const std::string text = "name: \"x\"\n  colour: 1\n";
  EXPECT_THAT(message_of([&] { parse_scenario(text, "f.textproto"); }),
              ::testing::AllOf(::testing::MatchesRegex("f\\.textproto:2:[0-9]+: .*"), HasSubstr("colour")));
}

TEST(Scenario, FileErrorsNameTheFile) {
  const fs::path file = fs::temp_directory_path() / "cc_sim_bad_scenario.textproto";
  {
    std::ofstream out(file);
    out << "# broken\nfeatures {\n";
  }
  EXPECT_THAT(message_of([&] { load_scenario_file(file); }), ::testing::StartsWith(file.string() + ":"));
  fs::remove(file);
  EXPECT_EQ(code_of([&] { load_scenario_file(file); }), ErrorCode::kNotFound);
}

TEST(Scenario, NameDefaultsToTheFileStem) {
  const fs::path file = fs::temp_directory_path() / "cc-sim-stem.textproto";
  {
    std::ofstream out(file);
    out << "features { vendor: \"trezor.io\" major_version: 1 minor_version: 12 patch_version: 1 }\n";
  }
  EXPECT_EQ(load_scenario_file(file).name(), "cc-sim-stem");
  fs::remove(file);
}

TEST(Scenario, KeepKeyTableTakesKeepKeyFeaturesOnly) {
  // kMinimal sets Trezor features: a KeepKey scenario must use keepkey_features instead.
  EXPECT_THAT(message_of([&] { parse_scenario(std::string(kMinimal) + "table: TABLE_KEEPKEY\n", "kk"); }),
              HasSubstr("keepkey_features, not features"));
  EXPECT_THAT(message_of([] { parse_scenario("table: TABLE_KEEPKEY\n", "kk"); }),
              HasSubstr("keepkey_features is missing"));
  const std::string kk =
      "table: TABLE_KEEPKEY\nkeepkey_features { vendor: \"keepkey.com\" major_version: 7 minor_version: 10 "
      "patch_version: 0 pin_protection: false firmware_variant: \"KeepKey\" }\n";
  const Scenario s = parse_scenario(kk, "kk");
  // The shared fields are mirrored into features, where the device keeps its state.
  EXPECT_EQ(s.features().vendor(), "keepkey.com");
  EXPECT_EQ(s.features().major_version(), 7u);
  EXPECT_FALSE(s.features().has_fw_major());
  EXPECT_THAT(message_of([&] { parse_scenario(std::string(kMinimal) + kk.substr(kk.find("keepkey_features")), "t"); }),
              HasSubstr("TABLE_KEEPKEY only"));
}

TEST(Scenario, UnspecifiedTableMeansTrezor) {
  EXPECT_EQ(parse_scenario(kMinimal, "t").table(), coldcheck::sim::TABLE_TREZOR);
}

TEST(Scenario, RejectsInconsistentOrInvalidData) {
  const std::string head = "features { vendor: \"trezor.io\" major_version: 2 minor_version: 8 patch_version: 10 ";
  struct Case {
    std::string features_extra;
    std::string outside;
    std::string reason;
  };
  for (const Case& c : {
           Case{"session_id: \"x\"", "", "session_id"},
           Case{"", "pin: \"1234\"", "pin must be set exactly"},
           Case{"pin_protection: true", "", "pin must be set exactly"},
           Case{"pin_protection: true", "pin: \"1230\"", "digits 1-9"},
           Case{"pin_protection: true", "pin: \"\"", "1 to 50 digits"},
           Case{"unlocked: false", "", "needs a pin"},
           Case{"", "fault { kind: KIND_SLOW }", "delay_ms"},
           Case{"", "fault { kind: KIND_GARBAGE delay_ms: 5 }", "only meaningful"},
       }) {
    const std::string text = head + c.features_extra + " }\n" + c.outside + "\n";
    SCOPED_TRACE(text);
    EXPECT_EQ(code_of([&] { parse_scenario(text, "t"); }), ErrorCode::kInvalidArgument);
    EXPECT_THAT(message_of([&] { parse_scenario(text, "t"); }), HasSubstr(c.reason));
  }
  const std::string no_version = "features { vendor: \"trezor.io\" major_version: 2 }";
  EXPECT_THAT(message_of([&] { parse_scenario(no_version, "nv"); }), HasSubstr("patch_version"));
}

TEST(Scenario, UnknownBuiltinListsTheKnownOnes) {
  EXPECT_EQ(code_of([] { builtin_scenario("no-such-device"); }), ErrorCode::kNotFound);
  EXPECT_THAT(message_of([] { builtin_scenario("no-such-device"); }), HasSubstr("healthy-safe3"));
}

}  // namespace
}  // namespace cc::sim
