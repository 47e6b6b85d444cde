// What the catalog says each model can do, read as data: capability minimums, the
// backup method, the firmware hash area; and the checks that keep that data sane.
#include <gtest/gtest.h>

#include "catalog/capabilities.hpp"
#include "core/error.hpp"
#include "firmware/models.hpp"

namespace cc::catalog {
namespace {

namespace pb = ::coldcheck::catalog;

const Model& builtin(const char* id) {
  const Model* m = Catalog::builtin().find(id);
  if (m == nullptr) throw Error(ErrorCode::kInternal, std::string("no model ") + id);
  return *m;
}

std::string trezor_model(const std::string& extra) {
  return "id: \"x\"\nvendor: \"X\"\nname: \"X\"\nprotocol: PROTOCOL_TREZOR_V1\nmessage_table: TABLE_TREZOR\n"
         "features_match { vendor: \"x.example\" internal_model: \"X1\" internal_model: \"X2\" }\n"
         "capabilities: CAPABILITY_FEATURES\ncapabilities: CAPABILITY_FIRMWARE_HASH\n"
         "capabilities: CAPABILITY_AUTHENTICATE_DEVICE\n" +
         extra;
}

std::string error_of(const std::string& text) {
  try {
    Catalog::from_texts({{"devices/x.textproto", text}});
  } catch (const Error& e) {
    return e.what();
  }
  return {};
}

TEST(Capabilities, ParsesOnlyThreeNumbers) {
  EXPECT_EQ(parse_firmware_version("2.10.0"), (FirmwareVersion{2, 10, 0}));
  EXPECT_GT(*parse_firmware_version("2.10.0"), *parse_firmware_version("2.9.9"));
  for (const char* bad : {"", "2", "2.1", "2.1.", "2.1.x", "2.1.1.1", "a.b.c", " 2.1.1", "2..1"}) {
    EXPECT_FALSE(parse_firmware_version(bad)) << bad;
  }
}

TEST(Capabilities, FirmwareHashMinimumsComeFromTheCatalog) {
  const Model& one = builtin("trezor-one");
  EXPECT_FALSE(firmware_allows(one, pb::CAPABILITY_FIRMWARE_HASH, "T1B1", "1.11.0"));
  EXPECT_TRUE(firmware_allows(one, pb::CAPABILITY_FIRMWARE_HASH, "T1B1", "1.11.1"));
  EXPECT_FALSE(firmware_allows(one, pb::CAPABILITY_FIRMWARE_HASH, "T1B1", "garbage"));
  const Model& t = builtin("trezor-model-t");
  EXPECT_FALSE(firmware_allows(t, pb::CAPABILITY_FIRMWARE_HASH, "T2T1", "2.5.0"));
  EXPECT_TRUE(firmware_allows(t, pb::CAPABILITY_FIRMWARE_HASH, "T2T1", "2.5.1"));
  EXPECT_FALSE(firmware_allows(t, pb::CAPABILITY_AUTHENTICATE_DEVICE, "T2T1", "2.8.0"));  // not a capability
  EXPECT_FALSE(firmware_allows(builtin("keepkey"), pb::CAPABILITY_FIRMWARE_HASH, "", "7.10.0"));
}

TEST(Capabilities, MinimumMayApplyToOneInternalModel) {
  const Model& safe3 = builtin("trezor-safe-3");
  EXPECT_FALSE(firmware_allows(safe3, pb::CAPABILITY_AUTHENTICATE_DEVICE, "T2B1", "2.7.2"));
  EXPECT_TRUE(firmware_allows(safe3, pb::CAPABILITY_AUTHENTICATE_DEVICE, "T2B1", "2.8.0"));
  EXPECT_TRUE(firmware_allows(safe3, pb::CAPABILITY_AUTHENTICATE_DEVICE, "T3B1", "2.7.2"));
}

TEST(Capabilities, BackupMethodFollowsCapabilitiesAndProtocol) {
  EXPECT_EQ(dry_run_method(builtin("trezor-one")), DryRun::kMatrix);
  EXPECT_EQ(dry_run_method(builtin("trezor-safe-3")), DryRun::kOnDevice);
  EXPECT_EQ(dry_run_method(builtin("trezor-model-t")), DryRun::kOnDevice);
  EXPECT_EQ(dry_run_method(builtin("ledger-nano-x")), DryRun::kUserReported);
  EXPECT_EQ(dry_run_method(builtin("keepkey")), DryRun::kNone);
  EXPECT_EQ(dry_run_method(builtin("onekey-classic")), DryRun::kNone);
  EXPECT_EQ(dry_run_method(builtin("bitbox02")), DryRun::kNone);
}

// The firmware library keeps its own table for offline `verify --image`; the catalog's
// must agree with it for every hashing model.
TEST(Capabilities, EveryHashingModelHasAnAreaPerInternalModel) {
  int areas = 0;
  for (const auto& m : Catalog::builtin().models()) {
    if (!has_capability(m, pb::CAPABILITY_FIRMWARE_HASH)) continue;
    for (const auto& im : m.features_match().internal_model()) {
      const auto area = firmware_area_bytes(m, im);
      ASSERT_TRUE(area) << m.id() << " " << im;
      EXPECT_EQ(*area, firmware::firmware_area_size(im)) << m.id() << " " << im;
      ++areas;
    }
  }
  EXPECT_GE(areas, 5);
  EXPECT_FALSE(firmware_area_bytes(builtin("trezor-safe-3"), "T9Z9"));
}

TEST(Capabilities, DefaultInternalModelIsTheFirstListed) {
  EXPECT_EQ(default_internal_model(builtin("trezor-safe-3")), "T2B1");
  EXPECT_EQ(default_internal_model(builtin("keepkey")), "");
}

TEST(Capabilities, CatalogLooksUpTablesAndMakersByData) {
  const auto& c = Catalog::builtin();
  EXPECT_EQ(c.table_for_features_vendor("keepkey.com"), pb::TABLE_KEEPKEY);
  EXPECT_EQ(c.table_for_features_vendor("trezor.io"), pb::TABLE_TREZOR);
  EXPECT_EQ(c.table_for_features_vendor("nobody.example"), pb::TABLE_UNSPECIFIED);
  EXPECT_EQ(c.maker_of_protocol(pb::PROTOCOL_LEDGER_APDU), "Ledger");
  EXPECT_EQ(c.maker_of_protocol(pb::PROTOCOL_TREZOR_V1), "");  // Trezor, KeepKey, OneKey
}

TEST(Capabilities, ValidationRejectsBadCapabilityData) {
  EXPECT_EQ(error_of(trezor_model("")), "");
  EXPECT_NE(error_of(trezor_model("capability_firmware { capability: CAPABILITY_PING min_version: \"1.0.0\" }\n"))
                .find("which capabilities does not list"),
            std::string::npos);
  EXPECT_NE(
      error_of(trezor_model("capability_firmware { capability: CAPABILITY_FIRMWARE_HASH min_version: \"1.0\" }\n"))
          .find("is not major.minor.patch"),
      std::string::npos);
  EXPECT_NE(error_of(trezor_model("firmware_areas { internal_model: \"X9\" size_kib: 10 }\n"))
                .find("which features_match does not list"),
            std::string::npos);
  EXPECT_NE(error_of(trezor_model("firmware_areas { internal_model: \"X1\" size_kib: 0 }\n")).find("out of range"),
            std::string::npos);
  EXPECT_EQ(error_of(trezor_model("firmware_areas { internal_model: \"X2\" size_kib: 64 }\n")), "");
}

}  // namespace
}  // namespace cc::catalog
