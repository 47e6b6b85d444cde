// The builtin catalog's releases: listed oldest first (newest last), one entry per
// version, every version parseable, every entry with a source. src/catalog/validate.cpp
// does not check releases, so this test does.
#include <gtest/gtest.h>

#include "catalog/catalog.hpp"
#include "findings/version.hpp"

namespace cc::findings {
namespace {

bool is_hex(const std::string& s) { return s.find_first_not_of("0123456789abcdef") == std::string::npos; }

TEST(CatalogReleases, SortedOldestFirstWithoutDuplicates) {
  int models_with_releases = 0;
  for (const auto& model : catalog::Catalog::builtin().models()) {
    if (model.releases_size() > 0) ++models_with_releases;
    std::optional<Version> previous;
    for (const auto& r : model.releases()) {
      const auto v = parse_version(r.version());
      ASSERT_TRUE(v.has_value()) << model.id() << ": bad version \"" << r.version() << "\"";
      if (previous) {
        EXPECT_TRUE(compare_versions(*previous, *v) < 0)
            << model.id() << ": " << r.version() << " is not newer than the entry before it (oldest first, unique)";
      }
      previous = v;
      EXPECT_FALSE(r.source().empty()) << model.id() << " " << r.version() << " has no source";
      EXPECT_TRUE(is_hex(r.firmware_revision())) << model.id() << " " << r.version();
      if (!r.min_bootloader().empty()) {
        EXPECT_TRUE(parse_version(r.min_bootloader()).has_value()) << model.id() << " " << r.version();
      }
    }
  }
  EXPECT_GE(models_with_releases, 4);
}

TEST(CatalogReleases, KnownEntriesFromTrezorData) {
  const auto* safe3 = catalog::Catalog::builtin().find("trezor-safe-3");
  ASSERT_NE(safe3, nullptr);
  bool found = false;
  for (const auto& r : safe3->releases()) {
    if (r.version() != "2.8.10") continue;
    found = true;
    EXPECT_EQ(r.firmware_revision(), "2a65d18200580005dc419b9569ed97fae440806a");
    EXPECT_FALSE(r.unverified());
  }
  EXPECT_TRUE(found);
}

TEST(CatalogReleases, TrezorOne114IsDatedAndVerified) {
  const auto* t1 = catalog::Catalog::builtin().find("trezor-one");
  ASSERT_NE(t1, nullptr);
  int seen = 0;
  for (const auto& r : t1->releases()) {
    if (r.version() == "1.14.0") {
      EXPECT_EQ(r.date(), "2026-01-21");
      EXPECT_FALSE(r.unverified());
      ++seen;
    }
    if (r.version() == "1.14.1") {
      EXPECT_EQ(r.date(), "2026-03-18");
      EXPECT_TRUE(r.security_fix());
      EXPECT_FALSE(r.unverified());
      EXPECT_EQ(r.firmware_revision(), "725c0c01879329900f08fc453d8fd0fcb4d86090");
      ++seen;
    }
  }
  EXPECT_EQ(seen, 2);
}

TEST(CatalogReleases, BootloadersHaveVersionsAndSources) {
  int listed = 0;
  for (const auto& model : catalog::Catalog::builtin().models()) {
    for (const auto& b : model.bootloaders()) {
      ++listed;
      EXPECT_EQ(b.hash().size(), 64u) << model.id() << " " << b.version();
      EXPECT_TRUE(is_hex(b.hash())) << model.id() << " " << b.version();
      EXPECT_TRUE(parse_version(b.version()).has_value()) << model.id() << " " << b.version();
      EXPECT_FALSE(b.source().empty()) << model.id() << " " << b.version();
    }
  }
  const auto* t1 = catalog::Catalog::builtin().find("trezor-one");
  ASSERT_NE(t1, nullptr);
  EXPECT_GE(t1->bootloaders_size(), 19);
  bool has_1121 = false;
  for (const auto& b : t1->bootloaders()) {
    has_1121 = has_1121 || (b.version() == "1.12.1" &&
                            b.hash() == "94f1c90db28db1f8ce5dca966976343658f5dadee83834987c8b049c49d1edd0");
    // What the emulator reports: SHA-256(SHA-256(32 KiB of erased flash)), no bootloader at all.
    EXPECT_NE(b.hash(), "9378f2d641be25b1d9c62d9c4d249c7a440ad34eff6246d9cf25d623a755267b");
  }
  EXPECT_TRUE(has_1121);
  EXPECT_GT(listed, 19);
}

}  // namespace
}  // namespace cc::findings
