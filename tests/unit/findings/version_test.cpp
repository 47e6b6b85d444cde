#include <gtest/gtest.h>

#include "findings/version.hpp"

namespace cc::findings {
namespace {

TEST(ParseVersion, AcceptsDottedNumbers) {
  EXPECT_EQ(parse_version("2.8.10"), (Version{2, 8, 10}));
  EXPECT_EQ(parse_version("1"), (Version{1}));
  EXPECT_EQ(parse_version("1.2.3.4"), (Version{1, 2, 3, 4}));
  EXPECT_EQ(parse_version("2147483647"), (Version{2147483647}));
}

TEST(ParseVersion, RejectsEverythingElse) {
  for (const char* s : {"", ".", "1.", ".1", "1..2", "v1.2", "1.2-rc1", "1.2.3.4.5", " 1.2", "1,2", "2147483648",
                        "99999999999", "1.x"}) {
    EXPECT_FALSE(parse_version(s).has_value()) << s;
  }
}

TEST(CompareVersions, NumericNotTextual) {
  EXPECT_TRUE(compare_versions(*parse_version("2.10.0"), *parse_version("2.9.4")) > 0);
  EXPECT_TRUE(compare_versions(*parse_version("1.8.3"), *parse_version("1.14.1")) < 0);
  EXPECT_TRUE(compare_versions(*parse_version("2.8"), *parse_version("2.8.0")) == 0);
  EXPECT_TRUE(compare_versions(*parse_version("2.8.0.1"), *parse_version("2.8")) > 0);
  EXPECT_TRUE(compare_versions(*parse_version("2.12.5"), *parse_version("2.12.5")) == 0);
}

}  // namespace
}  // namespace cc::findings
