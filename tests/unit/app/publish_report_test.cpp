// The end of the report pipeline: the guard looks at the data each rendering carries,
// field by field, so ordinary prose passes and a secret anywhere in the data does not.
#include "app/publish_report.hpp"
#include "app/rendering.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/error.hpp"
#include "report/seal.hpp"
#include "sample_body.hpp"

namespace cc::app {
namespace {

namespace rp = ::coldcheck::report;
namespace fs = std::filesystem;
using report::Format;

constexpr Format kAll[] = {Format::kText, Format::kJson, Format::kHtml, Format::kPb};

// Words that are all on the BIP39 list. Alone they are prose; the words a JSON or text
// page puts around the field ("text", "description", ...) used to complete a run.
const char* const kProse = "Please help, you can also check this for me?";
const char* const kPhrase = "legal winner thank year wave sausage worth useful legal winner thank yellow";

rp::Report sealed_with_description(const std::string& text) {
  auto body = test::sample_body();
  body.mutable_description()->set_text(text);
  return report::seal(std::move(body));
}

TEST(PublishReport, PlainProseInTheDescriptionPassesEveryFormat) {
  const auto report = sealed_with_description(kProse);
  test::TempDir dir;
  const auto files = report_files(std::nullopt, std::nullopt, dir.path(), "stamp");
  ASSERT_EQ(files.size(), 4u);
  const auto published = publish_report(report, files, true, findings::Language::kEnglish);
  ASSERT_EQ(published.written.size(), 4u);
  for (const auto& f : published.written) EXPECT_TRUE(fs::exists(f)) << f;
  EXPECT_NE(published.text.find("Please help"), std::string::npos);
}

TEST(PublishReport, ASecretInAnyDataFieldStopsEveryFormat) {
  auto body = test::sample_body();
  ASSERT_GT(body.device().checks_size(), 0);
  body.mutable_device()->mutable_checks(0)->set_detail(std::string("the words were ") + kPhrase);
  const auto report = report::seal(std::move(body));
  for (const Format format : kAll) {
    const auto rendered = render_report(report, report::format_name(format), findings::Language::kEnglish);
    try {
      require_clean_rendering(report, format, rendered, findings::Language::kEnglish);
      ADD_FAILURE() << report::format_name(format) << " let a recovery phrase through";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInternal);
      EXPECT_EQ(std::string(e.what()).find("sausage"), std::string::npos) << "the error must not quote the secret";
    }
  }
}

TEST(PublishReport, TheDescriptionIsScannedOnItsOwn) {
  const auto report = sealed_with_description(std::string("my words are ") + kPhrase);
  for (const Format format : kAll) {
    const auto rendered = render_report(report, report::format_name(format), findings::Language::kEnglish);
    EXPECT_THROW(require_clean_rendering(report, format, rendered, findings::Language::kEnglish), Error)
        << report::format_name(format);
  }
}

TEST(PublishReport, NothingIsWrittenWhenOneRenderingTrips) {
  const auto report = sealed_with_description(kPhrase);
  test::TempDir dir;
  const auto files = report_files(std::nullopt, std::nullopt, dir.path(), "stamp");
  EXPECT_THROW(publish_report(report, files, false, findings::Language::kEnglish), Error);
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(PublishReport, HtmlIsJudgedByTheDataItCarriesNotItsMarkup) {
  const auto report = sealed_with_description(kProse);
  const auto html = render_report(report, "html", findings::Language::kEnglish);
  EXPECT_NO_THROW(require_clean_rendering(report, Format::kHtml, html, findings::Language::kEnglish));
  // A page that is not a report rendering cannot be vouched for.
  EXPECT_THROW(
      require_clean_rendering(report, Format::kHtml, "<html><body>no data</body></html>", findings::Language::kEnglish),
      Error);
}

TEST(PublishReport, FileNamesAndFormats) {
  const auto one = report_files(fs::path("r.html"), std::nullopt, ".", "x");
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].format, Format::kHtml);
  const auto forced = report_files(fs::path("r.out"), std::string("pb"), ".", "x");
  EXPECT_EQ(forced.at(0).format, Format::kPb);
  const auto only_json = report_files(std::nullopt, std::string("json"), "d", "20260101");
  ASSERT_EQ(only_json.size(), 1u);
  EXPECT_EQ(only_json[0].path, fs::path("d") / "coldcheck-report-20260101.json");
  EXPECT_THROW(report_files(std::nullopt, std::string("docx"), "d", "x"), Error);
  EXPECT_THROW(report_files(fs::path("r.docx"), std::nullopt, ".", "x"), Error);
}

}  // namespace
}  // namespace cc::app
