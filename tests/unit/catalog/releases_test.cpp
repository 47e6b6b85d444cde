// The builtin catalog's firmware releases: well-formed, ordered oldest first, and
// honest about what was not confirmed. Only cc_catalog is linked, so versions and
// dates are parsed here rather than with findings/version.hpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.hpp"

namespace cc::catalog {
namespace {

using Numbers = std::vector<std::uint64_t>;

// "2.8.10" -> {2, 8, 10}; nullopt unless one or more decimal numbers joined by '.'.
std::optional<Numbers> parse_dotted(std::string_view text) {
  Numbers out;
  std::uint64_t value = 0;
  std::size_t digits = 0;
  for (const char c : text) {
    if (c == '.') {
      if (digits == 0) return std::nullopt;
      out.push_back(value);
      value = 0;
      digits = 0;
    } else if (c >= '0' && c <= '9') {
      if (++digits > 9) return std::nullopt;
      value = value * 10 + static_cast<std::uint64_t>(c - '0');
    } else {
      return std::nullopt;
    }
  }
  if (digits == 0) return std::nullopt;
  out.push_back(value);
  return out;
}

// Number by number; missing trailing parts count as 0 ("2.8" == "2.8.0").
int compare_dotted(const Numbers& a, const Numbers& b) {
  for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    const std::uint64_t x = i < a.size() ? a[i] : 0;
    const std::uint64_t y = i < b.size() ? b[i] : 0;
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

bool is_digits(std::string_view s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos; }

// A real calendar date written YYYY-MM-DD.
bool is_valid_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!is_digits(s.substr(0, 4)) || !is_digits(s.substr(5, 2)) || !is_digits(s.substr(8, 2))) return false;
  const int year = std::stoi(std::string(s.substr(0, 4)));
  const int month = std::stoi(std::string(s.substr(5, 2)));
  const int day = std::stoi(std::string(s.substr(8, 2)));
  if (year < 2000 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int max_day = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= max_day;
}

bool is_revision(std::string_view s) {
  return s.size() == 40 && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

TEST(CatalogReleases, HelpersJudgeCorrectly) {
  EXPECT_TRUE(parse_dotted("2.8.10").has_value());
  EXPECT_FALSE(parse_dotted("2.8.").has_value());
  EXPECT_FALSE(parse_dotted("v2.8").has_value());
  EXPECT_FALSE(parse_dotted("").has_value());
  EXPECT_LT(compare_dotted(*parse_dotted("2.9.4"), *parse_dotted("2.10.0")), 0);
  EXPECT_EQ(compare_dotted(*parse_dotted("2.8"), *parse_dotted("2.8.0")), 0);
  EXPECT_TRUE(is_valid_date("2024-02-29"));
  EXPECT_FALSE(is_valid_date("2025-02-29"));
  EXPECT_FALSE(is_valid_date("2025-13-01"));
  EXPECT_FALSE(is_valid_date("2025-5-21"));
  EXPECT_FALSE(is_valid_date("21st May 2025"));
  EXPECT_TRUE(is_revision("2a65d18200580005dc419b9569ed97fae440806a"));
  EXPECT_FALSE(is_revision("2A65D18200580005DC419B9569ED97FAE440806A"));
  EXPECT_FALSE(is_revision("2a65d182"));
}

TEST(CatalogReleases, EveryModelsReleasesAreWellFormedAndOrdered) {
  int models_with_releases = 0;
  for (const Model& model : Catalog::builtin().models()) {
    if (model.releases_size() == 0) continue;
    ++models_with_releases;
    std::optional<Numbers> previous_version;
    std::string previous_date;
    for (const auto& r : model.releases()) {
      SCOPED_TRACE(model.id() + " " + r.version());
      const auto version = parse_dotted(r.version());
      ASSERT_TRUE(version.has_value()) << "version is not dotted numbers";
      if (previous_version) {
        EXPECT_LT(compare_dotted(*previous_version, *version), 0)
            << "not newer than the entry before it (oldest first, no duplicates)";
      }
      previous_version = version;

      if (!r.date().empty()) {
        EXPECT_TRUE(is_valid_date(r.date())) << "date \"" << r.date() << "\" is not YYYY-MM-DD";
        if (!previous_date.empty()) {
          EXPECT_LE(previous_date, r.date()) << "dated before an older release";
        }
        previous_date = r.date();
      }
      if (!r.firmware_revision().empty()) {
        EXPECT_TRUE(is_revision(r.firmware_revision()))
            << "revision \"" << r.firmware_revision() << "\" is not 40 lowercase hex digits";
      }
      if (!r.min_bootloader().empty()) {
        EXPECT_TRUE(parse_dotted(r.min_bootloader()).has_value()) << "bad min_bootloader";
      }
      EXPECT_FALSE(r.source().empty()) << "no source";
      // Ledger publishes no firmware revisions, so only the date is required there.
      const bool has_revisions = model.protocol() != ::coldcheck::catalog::PROTOCOL_LEDGER_APDU;
      if (r.date().empty() || (has_revisions && r.firmware_revision().empty())) {
        EXPECT_TRUE(r.unverified()) << "a missing date or revision must be marked unverified";
      }
    }
  }
  EXPECT_GE(models_with_releases, 5);
}

// The Trezor models list their releases from 2022 on (Safe 3 and Safe 5 from their
// first), so a device running any of these versions is recognised.
TEST(CatalogReleases, TrezorModelsCoverTheirRecentReleases) {
  const struct {
    const char* id;
    std::vector<std::string> versions;
  } cases[] = {
      {"trezor-one", {"1.10.5", "1.11.1", "1.11.2", "1.12.1", "1.13.0", "1.13.1", "1.14.0", "1.14.1"}},
      {"trezor-model-t", {"2.5.1", "2.5.3", "2.6.0", "2.7.2", "2.8.8", "2.8.10", "2.9.4", "2.10.0", "2.12.5"}},
      {"trezor-safe-3", {"2.6.3", "2.6.4", "2.8.0", "2.8.10", "2.10.0", "2.12.5"}},
      {"trezor-safe-5", {"2.7.2", "2.8.3", "2.8.10", "2.10.0", "2.12.3", "2.12.5"}},
  };
  for (const auto& c : cases) {
    const Model* model = Catalog::builtin().find(c.id);
    ASSERT_NE(model, nullptr) << c.id;
    for (const auto& want : c.versions) {
      bool found = false;
      for (const auto& r : model->releases()) found = found || r.version() == want;
      EXPECT_TRUE(found) << c.id << " lacks " << want;
    }
  }
}

// Spot checks against trezor/data and the trezor-firmware changelogs.
TEST(CatalogReleases, KnownEntries) {
  const auto find = [](const char* id, const char* version) -> const ::coldcheck::catalog::Release* {
    const Model* model = Catalog::builtin().find(id);
    if (model == nullptr) return nullptr;
    for (const auto& r : model->releases()) {
      if (r.version() == version) return &r;
    }
    return nullptr;
  };
  const auto* safe3 = find("trezor-safe-3", "2.8.10");
  ASSERT_NE(safe3, nullptr);
  EXPECT_EQ(safe3->date(), "2025-05-21");
  EXPECT_EQ(safe3->firmware_revision(), "2a65d18200580005dc419b9569ed97fae440806a");
  EXPECT_EQ(safe3->min_bootloader(), "2.1.1");
  EXPECT_FALSE(safe3->unverified());

  const auto* model_t = find("trezor-model-t", "2.10.0");
  ASSERT_NE(model_t, nullptr);
  EXPECT_EQ(model_t->date(), "2026-01-21");
  EXPECT_TRUE(model_t->security_fix());

  const auto* one = find("trezor-one", "1.12.1");
  ASSERT_NE(one, nullptr);
  EXPECT_EQ(one->date(), "2023-03-15");
  EXPECT_EQ(one->firmware_revision(), "1eb0eb9d91b092e571aac63db4ebff2a07fd8a1f");
  EXPECT_EQ(one->min_bootloader(), "1.12.0");
}

}  // namespace
}  // namespace cc::catalog
