// The builtin catalog's releases: listed oldest first (newest last), one entry per
// version, every version parseable, every entry with a source. src/catalog/validate.cpp
// does not check releases, so this test does.
#include <gtest/gtest.h>

#include "catalog/catalog.hpp"
#include "findings/version.hpp"

namespace cc::findings {
namespace {

bool is_hex(const std::string& s) {
  return s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

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

}  // namespace
}  // namespace cc::findings
