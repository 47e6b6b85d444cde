#include "render/explain_text.hpp"

#include <gtest/gtest.h>

#include "report/seal.hpp"
#include "sample_body.hpp"

namespace cc::render {
namespace {

TEST(Explain, FindingsWithEvidenceAndWhatToDo) {
  const auto report = report::seal(test::sample_body());
  const auto text = render_explain(report, true);
  ASSERT_GT(report.body().findings_size(), 0);
  const auto& first = report.body().findings(0);
  EXPECT_NE(text.find(first.code()), std::string::npos) << text;
  EXPECT_NE(text.find("→ " + first.remediation()), std::string::npos) << text;
  EXPECT_EQ(text.find(Labels{}.not_intact), std::string::npos);
  EXPECT_EQ(render_explain(report, false).rfind(Labels{}.not_intact, 0), 0u) << "the warning comes first";
}

TEST(Explain, NoFindings) {
  auto body = test::sample_body();
  body.clear_findings();
  EXPECT_EQ(render_explain(report::seal(std::move(body)), true), Labels{}.no_findings + "\n");
}

}  // namespace
}  // namespace cc::render
