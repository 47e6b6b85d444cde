// The `reports stats` page in headless Chromium: charts and tables reach the DOM, text
// from imported reports stays text, and a phone-width screenshot is made to look at.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "browser_tier.hpp"
#include "core/write_atomic.hpp"
#include "store/stats_view.hpp"
#include "store/store.hpp"
#include "support/sample_reports.hpp"
#include "support/subprocess.hpp"

namespace cc::store {
namespace {

namespace fs = std::filesystem;

using browser_tier::kChromium;

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

class BrowserStats : public ::testing::Test {
 protected:
  void SetUp() override {
    if (::access(kChromium, X_OK) != 0)
      CC_BROWSER_UNAVAILABLE(kChromium << " is not installed (apt-get install chromium)");
    std::string tmpl = (fs::temp_directory_path() / "cc-stats-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    Store store(open_sqlite((dir_ / "reports.db").string()));
    testing::SampleReports gen(11, 200);
    std::vector<::coldcheck::report::Report> reports;
    for (int i = 0; i < 500; ++i) reports.push_back(gen.next());
    store.put_many(reports);
    stats_ = store.stats();
    // A model id as a crafted report could carry it: must stay text.
    stats_.by_model.push_back({"<b id=\"injected\">x</b>", "", 1});
    page_ = dir_ / "stats.html";
    cc::write_file_atomic(page_, stats_html(stats_, findings::Language::kEnglish));
    fs::create_directory(dir_ / "profile");
  }
  void TearDown() override {
    std::error_code ec;
    if (!dir_.empty()) fs::remove_all(dir_, ec);
  }
  std::vector<std::string> chromium(const std::string& extra) {
    auto args = browser_tier::headless_chromium(dir_ / "profile");
    args.push_back(extra);
    args.push_back("file://" + page_.string());
    return args;
  }

  fs::path dir_, page_;
  Stats stats_;
};

TEST_F(BrowserStats, ChartsAndTablesReachTheDom) {
  const auto result = test_support::run(chromium("--dump-dom"), std::chrono::seconds(90));
  ASSERT_FALSE(result.timed_out) << result.err;
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string& dom = result.out;
  const auto svgs = occurrences(dom, "<svg class=\"chart\"");
  EXPECT_EQ(svgs, 6u) << "one chart per section";
  EXPECT_GE(occurrences(dom, "<rect "), stats_.by_model.size());
  EXPECT_NE(dom.find("id=\"headline\""), std::string::npos);
  EXPECT_NE(dom.find("CC-FW-OUTDATED"), std::string::npos);
  EXPECT_EQ(dom.find("<b id=\"injected\">"), std::string::npos);
  EXPECT_NE(dom.find("&lt;b id=\"injected\"&gt;"), std::string::npos);
}

TEST_F(BrowserStats, PhoneWidthScreenshot) {
  const fs::path shot = fs::path(CC_BINARY_DIR) / "tests" / "browser" / "stats-phone.png";
  fs::create_directories(shot.parent_path());
  fs::remove(shot);
  auto args = chromium("--screenshot=" + shot.string());
  args.insert(args.end() - 1, "--window-size=390,844");
  const auto result = test_support::run(args, std::chrono::seconds(90));
  ASSERT_FALSE(result.timed_out) << result.err;
  ASSERT_EQ(result.exit_code, 0) << result.err;
  ASSERT_TRUE(fs::exists(shot)) << result.err;
  EXPECT_GT(fs::file_size(shot), 10000u);
}

}  // namespace
}  // namespace cc::store
