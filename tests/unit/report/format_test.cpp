#include "report/format.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace cc::report {
namespace {

TEST(Format, ParsesNamesInAnyCase) {
  EXPECT_EQ(parse_format("text"), Format::kText);
  EXPECT_EQ(parse_format("JSON"), Format::kJson);
  EXPECT_EQ(parse_format("Html"), Format::kHtml);
  EXPECT_EQ(parse_format("pb"), Format::kPb);
  EXPECT_EQ(parse_format("binary"), Format::kPb);
  EXPECT_THROW(parse_format("yaml"), Error);
  EXPECT_THROW(parse_format(""), Error);
}

TEST(Format, FromExtension) {
  EXPECT_EQ(format_from_extension("r.txt"), Format::kText);
  EXPECT_EQ(format_from_extension("/a/b/r.JSON"), Format::kJson);
  EXPECT_EQ(format_from_extension("r.htm"), Format::kHtml);
  EXPECT_EQ(format_from_extension("r.pb"), Format::kPb);
  try {
    format_from_extension("report");
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
  }
}

TEST(Format, NamesRoundTrip) {
  for (Format f : {Format::kText, Format::kJson, Format::kHtml, Format::kPb})
    EXPECT_EQ(parse_format(format_name(f)), f);
}

}  // namespace
}  // namespace cc::report
