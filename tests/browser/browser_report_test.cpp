// Opens a rendered report in headless Chromium: the page must parse into the DOM that
// support tools query (#verdict, #device, .finding[data-code]), hostile text must stay
// text, and a phone-width screenshot must be produced for a person to look at.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "browser_tier.hpp"
#include "render/html.hpp"
#include "report/seal.hpp"
#include "core/write_atomic.hpp"
#include "sample_body.hpp"
#include "support/subprocess.hpp"

namespace cc::render {
namespace {

namespace fs = std::filesystem;

using browser_tier::kChromium;

std::vector<std::string> chromium_args(const fs::path& profile) { return browser_tier::headless_chromium(profile); }

class BrowserReport : public ::testing::Test {
 protected:
  void SetUp() override {
    if (::access(kChromium, X_OK) != 0)
      CC_BROWSER_UNAVAILABLE(kChromium << " is not installed (apt-get install chromium)");
    auto body = test::sample_body();
    body.mutable_description()->set_text("</script><script>document.title='pwned'</script><b id=\"injected\">x</b>");
    report_ = report::seal(body);
    page_ = dir_.path() / "report.html";
    cc::write_file_atomic(page_, render_html(report_));
    fs::create_directory(dir_.path() / "profile");
  }

  test::TempDir dir_;
  ::coldcheck::report::Report report_;
  fs::path page_;
};

TEST_F(BrowserReport, DomHoldsVerdictDeviceAndEveryFinding) {
  auto args = chromium_args(dir_.path() / "profile");
  args.push_back("--dump-dom");
  args.push_back("file://" + page_.string());
  const auto result = test_support::run(args, std::chrono::seconds(90));
  ASSERT_FALSE(result.timed_out) << result.err;
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string& dom = result.out;
  ASSERT_FALSE(dom.empty()) << result.err;

  EXPECT_TRUE(std::regex_search(dom, std::regex(R"(<section id="verdict" class="verdict verdict-stop")"))) << dom;
  EXPECT_NE(dom.find("<section id=\"device\">"), std::string::npos);
  for (const auto& finding : report_.body().findings()) {
    const std::regex element("<article class=\"finding sev-[a-z]+\" data-code=\"" + finding.code() + "\"");
    EXPECT_TRUE(std::regex_search(dom, element)) << finding.code();
  }
  // The hostile description stayed text: no element was injected, the title is ours.
  EXPECT_EQ(dom.find("<b id=\"injected\">"), std::string::npos);
  EXPECT_EQ(dom.find("pwned</title>"), std::string::npos);
  EXPECT_NE(dom.find("&lt;/script&gt;&lt;script&gt;"), std::string::npos);
  EXPECT_NE(dom.find("id=\"coldcheck-report\""), std::string::npos);
}

TEST_F(BrowserReport, PhoneWidthScreenshot) {
  // Kept in the build tree so a person can look at it after the test run.
  const fs::path shot = fs::path(CC_BINARY_DIR) / "tests" / "browser" / "report-phone.png";
  fs::create_directories(shot.parent_path());
  fs::remove(shot);
  auto args = chromium_args(dir_.path() / "profile");
  args.push_back("--screenshot=" + shot.string());
  args.push_back("--window-size=390,844");
  args.push_back("file://" + page_.string());
  const auto result = test_support::run(args, std::chrono::seconds(90));
  ASSERT_FALSE(result.timed_out) << result.err;
  ASSERT_EQ(result.exit_code, 0) << result.err;
  ASSERT_TRUE(fs::exists(shot)) << result.err;
  std::ifstream in(shot, std::ios::binary);
  char magic[8] = {};
  in.read(magic, sizeof magic);
  EXPECT_EQ(std::string(magic, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_GT(fs::file_size(shot), 10000u);
}

}  // namespace
}  // namespace cc::render
