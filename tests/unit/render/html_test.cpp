#include "render/html.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "report/read_report.hpp"
#include "report/seal.hpp"
#include "sample_body.hpp"

namespace cc::render {
namespace {

namespace rpt = ::coldcheck::report;

const std::string kHostile = R"(</script><script>alert("x")</script><img src=x onerror=alert(1)> & 'q' <!--)";

TEST(RenderHtml, HasTheStableHooks) {
  const std::string html = render_html(report::seal(test::sample_body()));
  EXPECT_NE(html.find("id=\"verdict\""), std::string::npos);
  EXPECT_NE(html.find("id=\"device\""), std::string::npos);
  for (const char* code : {"CC-BACKUP-MISSING", "CC-FW-OUTDATED", "CC-PIN-OFF"}) {
    EXPECT_NE(html.find("class=\"finding sev-"), std::string::npos);
    EXPECT_NE(html.find(std::string("data-code=\"") + code + "\""), std::string::npos) << code;
  }
  EXPECT_LT(html.find("data-code=\"CC-BACKUP-MISSING\""), html.find("data-code=\"CC-FW-OUTDATED\""));
}

TEST(RenderHtml, IsSelfContainedAndPhoneReady) {
  const std::string html = render_html(report::seal(test::sample_body()));
  EXPECT_EQ(html.rfind("<!doctype html>", 0), 0u);
  EXPECT_NE(html.find("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"), std::string::npos);
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(html.find("Content-Security-Policy\" content=\"default-src 'none'"), std::string::npos);
  for (const char* external :
       {"http://", "https://", "//fonts", "<link", "src=", "url(", "@import", "<img", "<iframe"}) {
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  }
  // Exactly one script element, and it is data, not code.
  EXPECT_EQ(std::regex_search(html, std::regex("<script(?! type=\"application/json\" id=\"coldcheck-report\">)")),
            false);
  EXPECT_NE(html.find("min-height:44px"), std::string::npos);
}

TEST(RenderHtml, SeverityIsWrittenNotOnlyColoured) {
  const std::string html = render_html(report::seal(test::sample_body()));
  EXPECT_NE(html.find("<span class=\"badge sev-critical\">CRITICAL</span>"), std::string::npos);
  EXPECT_NE(html.find("<span class=\"badge sev-warning\">WARNING</span>"), std::string::npos);
  EXPECT_NE(html.find("<span class=\"badge status-fail\">FAIL</span>"), std::string::npos);
}

TEST(RenderHtml, EscapesHostileTextEverywhere) {
  auto body = test::sample_body();
  body.mutable_description()->set_text(kHostile);
  body.mutable_findings(0)->set_title(kHostile);
  body.mutable_findings(0)->set_code("CC-\"><u>");
  body.mutable_device()->mutable_facts()->set_model_name(kHostile);
  body.mutable_run()->set_language("en\"><script>");
  const auto report = report::seal(body);
  const std::string html = render_html(report);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<u>"), std::string::npos);
  EXPECT_EQ(html.find("<!--"), std::string::npos);
  EXPECT_NE(html.find("&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)"), std::string::npos);
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
  // Exactly one end tag for the one script element.
  std::size_t closes = 0;
  for (std::size_t p = html.find("</script"); p != std::string::npos; p = html.find("</script", p + 1)) ++closes;
  EXPECT_EQ(closes, 1u);
  // And the hostile text survives the embedded JSON intact.
  const rpt::Report back = report::parse_report(html);
  EXPECT_EQ(back.body().description().text(), kHostile);
  EXPECT_TRUE(report::verify(back).ok);
}

TEST(RenderHtml, LanguageComesFromTheRun) {
  auto body = test::sample_body();
  body.mutable_run()->set_language("zh-CN");
  Labels zh;
  zh.verdict = "结论";
  const std::string html = render_html(report::seal(body), zh);
  EXPECT_NE(html.find("<html lang=\"zh-CN\">"), std::string::npos);
  EXPECT_NE(html.find("<h2>结论</h2>"), std::string::npos);
}

TEST(RenderHtml, NoDeviceReport) {
  auto body = test::sample_body();
  body.clear_device();
  body.clear_findings();
  body.set_verdict(rpt::VERDICT_NO_DEVICE);
  const std::string html = render_html(report::seal(body));
  EXPECT_NE(html.find("id=\"device\""), std::string::npos);
  EXPECT_NE(html.find("No device was examined."), std::string::npos);
  EXPECT_NE(html.find("No problems found."), std::string::npos);
}

}  // namespace
}  // namespace cc::render
