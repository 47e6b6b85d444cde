#include "catalog/catalog.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/error.hpp"

namespace cc::catalog {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kExpectedIds = {
    "bitbox02",      "blockstream-jade",   "coldcard",      "keepkey",       "ledger-flex",
    "ledger-nano-s", "ledger-nano-s-plus", "ledger-nano-x", "ledger-stax",   "onekey-classic",
    "onekey-pro",    "trezor-model-t",     "trezor-one",    "trezor-safe-3", "trezor-safe-5",
};

std::vector<std::string> ids_of(const Catalog& catalog) {
  std::vector<std::string> ids;
  for (const Model& m : catalog.models()) ids.push_back(m.id());
  return ids;
}

TEST(Catalog, BuiltinHoldsEveryModelSortedById) { EXPECT_EQ(ids_of(Catalog::builtin()), kExpectedIds); }

TEST(Catalog, BuiltinIsParsedOnce) { EXPECT_EQ(&Catalog::builtin(), &Catalog::builtin()); }

TEST(Catalog, EveryBuiltinModelHasUsbIdsAndCapabilities) {
  for (const Model& m : Catalog::builtin().models()) {
    SCOPED_TRACE(m.id());
    EXPECT_FALSE(m.name().empty());
    EXPECT_FALSE(m.vendor().empty());
    EXPECT_GT(m.usb_size(), 0);
    EXPECT_GT(m.capabilities_size(), 0);
  }
}

TEST(Catalog, FindById) {
  const Catalog& c = Catalog::builtin();
  ASSERT_NE(c.find("trezor-safe-3"), nullptr);
  EXPECT_EQ(c.find("trezor-safe-3")->name(), "Trezor Safe 3");
  ASSERT_NE(c.find("ledger-nano-x"), nullptr);
  EXPECT_EQ(c.find("ledger-nano-x")->name(), "Ledger Nano X");
  EXPECT_EQ(c.find("trezor"), nullptr);
  EXPECT_EQ(c.find(""), nullptr);
  EXPECT_EQ(c.find("Trezor-Safe-3"), nullptr);
}

TEST(Catalog, IdentifyOnlyModelsSayso) {
  const Catalog& c = Catalog::builtin();
  for (const char* id : {"bitbox02", "coldcard", "blockstream-jade"}) {
    SCOPED_TRACE(id);
    const Model* m = c.find(id);
    ASSERT_NE(m, nullptr);
    ASSERT_EQ(m->capabilities_size(), 1);
    EXPECT_EQ(m->capabilities(0), ::coldcheck::catalog::CAPABILITY_IDENTIFY_ONLY);
  }
}

TEST(Catalog, VendorIdsAreDistinctAndSorted) {
  const std::vector<std::uint16_t> ids = Catalog::builtin().vendor_ids();
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end());
  const std::uint16_t expected[] = {0x534c, 0x1209, 0x2b24, 0x2c97, 0x03eb, 0xd13e, 0x10c4};
  for (std::uint16_t vid : expected) {
    EXPECT_TRUE(std::binary_search(ids.begin(), ids.end(), vid)) << std::hex << vid;
  }
}

// The embedded copy must be the files on disk (catches a stale build step).
TEST(Catalog, LoadDirOfDevicesMatchesBuiltin) {
  const Catalog disk = Catalog::load_dir(fs::path(CC_SOURCE_DIR) / "devices");
  ASSERT_EQ(ids_of(disk), ids_of(Catalog::builtin()));
  for (std::size_t i = 0; i < disk.models().size(); ++i) {
    EXPECT_EQ(disk.models()[i].SerializeAsString(), Catalog::builtin().models()[i].SerializeAsString())
        << disk.models()[i].id();
  }
}

TEST(Catalog, LoadDirMissingIsNotFound) {
  try {
    Catalog::load_dir(fs::path(CC_BINARY_DIR) / "no-such-catalog-dir");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kNotFound);
  }
}

TEST(Catalog, LoadDirReportsTheBadFileByPath) {
  const fs::path dir = fs::path(CC_BINARY_DIR) / "catalog_test_bad_dir";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "broken.textproto") << "id: \"x\"\nname: {\n";
  try {
    Catalog::load_dir(dir);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(std::string(e.what()).find((dir / "broken.textproto").string() + ":2:"), std::string::npos) << e.what();
  }
  fs::remove_all(dir);
}

TEST(Catalog, LoadDirWithoutTextprotoIsAnError) {
  const fs::path dir = fs::path(CC_BINARY_DIR) / "catalog_test_empty_dir";
  fs::remove_all(dir);
  fs::create_directories(dir);
  EXPECT_THROW(Catalog::load_dir(dir), Error);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace cc::catalog
