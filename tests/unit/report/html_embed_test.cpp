#include "report/html_embed.hpp"

#include <gtest/gtest.h>

namespace cc::report {
namespace {

TEST(HtmlEmbed, EscapesEverythingThatCouldEndTheScriptBlock) {
  const std::string json = R"({"text":"</script><script>alert(1)</script> & <!--"})";
  const std::string escaped = escape_json_for_script(json);
  EXPECT_EQ(escaped.find('<'), std::string::npos);
  EXPECT_EQ(escaped.find('>'), std::string::npos);
  EXPECT_EQ(escaped.find('&'), std::string::npos);
  EXPECT_NE(escaped.find("\\u003c/script\\u003e"), std::string::npos);
}

TEST(HtmlEmbed, ExtractsWhatWasEmbedded) {
  const std::string json = R"({"a":"<b>"})";
  const std::string page = "<html><body><p>x</p>" + embedded_report_block(json) + "</body></html>";
  const auto got = extract_embedded_report(page);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(*got, escape_json_for_script(json));
}

TEST(HtmlEmbed, NoBlockOrTwoBlocksIsNothing) {
  EXPECT_FALSE(extract_embedded_report("<html><body>hi</body></html>").has_value());
  const std::string two = embedded_report_block("{}") + embedded_report_block("{}");
  EXPECT_FALSE(extract_embedded_report(two).has_value());
  EXPECT_FALSE(extract_embedded_report(std::string(kEmbeddedReportOpenTag) + "{}").has_value());
}

}  // namespace
}  // namespace cc::report
