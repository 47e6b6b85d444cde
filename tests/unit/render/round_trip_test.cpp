// Writing every rendering to disk and reading it back with read_report.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "render/html.hpp"
#include "render/json.hpp"
#include "render/pb.hpp"
#include "render/text.hpp"
#include "report/io.hpp"
#include "report/seal.hpp"
#include "sample_body.hpp"

namespace cc::render {
namespace {

TEST(RoundTrip, JsonHtmlAndPbReadBackToTheSameVerifiedReport) {
  test::TempDir dir;
  const auto report = report::seal(test::sample_body());
  const std::string expected = render_pb(report);
  const std::vector<std::pair<std::string, std::string>> files = {
      {"r.json", render_json(report)}, {"r.html", render_html(report)}, {"r.pb", render_pb(report)}};
  for (const auto& [name, bytes] : files) {
    cc::write_file_atomic(dir.path() / name, bytes);
    const auto back = report::read_report(dir.path() / name);
    EXPECT_EQ(render_pb(back), expected) << name;
    EXPECT_TRUE(report::verify(back).ok) << name;
  }
}

TEST(RoundTrip, DetectionIgnoresTheExtension) {
  test::TempDir dir;
  const auto report = report::seal(test::sample_body());
  cc::write_file_atomic(dir.path() / "actually-json.pb", render_json(report));
  EXPECT_TRUE(report::verify(report::read_report(dir.path() / "actually-json.pb")).ok);
}

TEST(RoundTrip, TextIsRefusedWithAPointer) {
  test::TempDir dir;
  cc::write_file_atomic(dir.path() / "r.txt", render_text(report::seal(test::sample_body())));
  try {
    report::read_report(dir.path() / "r.txt");
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(std::string(e.what()).find("the text format is for reading; use the .json, .html or .pb file"),
              std::string::npos)
        << e.what();
  }
  Labels zh;
  zh.title = "诊断报告";
  EXPECT_THROW(report::parse_report(render_text(report::seal(test::sample_body()), zh)), Error);
}

}  // namespace
}  // namespace cc::render
