#include <gtest/gtest.h>

#include "core/error.hpp"
#include "store/columns.hpp"
#include "store/export.hpp"
#include "store/location.hpp"

namespace cc::store {
namespace {

TEST(Location, PathsAndUris) {
  EXPECT_EQ(parse_location("/tmp/r.db").kind, Location::Kind::kSqlite);
  EXPECT_EQ(parse_location("/tmp/r.db").target, "/tmp/r.db");
  EXPECT_EQ(parse_location("relative/r.db").target, "relative/r.db");
  EXPECT_EQ(parse_location("sqlite:/tmp/x.db").target, "/tmp/x.db");
  EXPECT_EQ(parse_location("sqlite:///tmp/x.db").target, "/tmp/x.db");
  const auto pg = parse_location("postgresql://desk@db.example/reports");
  EXPECT_EQ(pg.kind, Location::Kind::kPostgres);
  EXPECT_EQ(pg.target, "postgresql://desk@db.example/reports");
  EXPECT_EQ(parse_location("POSTGRES://h/d").kind, Location::Kind::kPostgres);
}

TEST(Location, BadOnesAreRefusedWithAReason) {
  for (const std::string& bad : {std::string(""), std::string("mysql://h/d"), std::string("postgresql://"),
                                 std::string("sqlite:"), std::string("a\0b", 3), std::string(5000, 'x')}) {
    try {
      parse_location(bad);
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
      EXPECT_NE(std::string(e.what()).find("--store"), std::string::npos);
    }
  }
}

TEST(Location, PasswordsAreNotShown) {
  EXPECT_EQ(display_location(parse_location("postgresql://desk:hunter2@db/reports")),
            "postgresql://desk:***@db/reports");
  EXPECT_EQ(display_location(parse_location("postgresql:///reports?host=/s&password=hunter2&user=u")),
            "postgresql:///reports?host=/s&password=***&user=u");
  EXPECT_EQ(display_location(parse_location("postgresql://db/reports")), "postgresql://db/reports");
}

TEST(Location, DefaultPathFollowsXdg) {
  setenv("XDG_DATA_HOME", "/x/data", 1);
  EXPECT_EQ(default_store_path(), "/x/data/coldcheck/reports.db");
  unsetenv("XDG_DATA_HOME");
  setenv("HOME", "/home/desk", 1);
  EXPECT_EQ(default_store_path(), "/home/desk/.local/share/coldcheck/reports.db");
}

TEST(IsoWeek, YearBoundaries) {
  EXPECT_EQ(iso_week("2026-12-01T07:00:00Z"), "2026-W49");
  EXPECT_EQ(iso_week("2021-01-03"), "2020-W53");  // a Sunday in the last week of 2020
  EXPECT_EQ(iso_week("2024-12-30"), "2025-W01");  // a Monday that starts 2025's first week
  EXPECT_EQ(iso_week("2026-01-01"), "2026-W01");
  EXPECT_EQ(iso_week("2027-01-01"), "2026-W53");
  EXPECT_EQ(iso_week(""), "");
  EXPECT_EQ(iso_week("2026-13-01"), "");
  EXPECT_EQ(iso_week("yesterday!"), "");
}

TEST(Export, CsvFieldsAreQuotedAndDefused) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
  EXPECT_EQ(csv_field("-1"), "'-1");
  EXPECT_EQ(json_string("a\"b\\\n\x01"), "\"a\\\"b\\\\\\n\\u0001\"");
}

}  // namespace
}  // namespace cc::store
