#include <gtest/gtest.h>

#include "findings/findings.hpp"

namespace cc::findings {
namespace {

using ::coldcheck::report::Finding;
using ::coldcheck::report::Severity;

std::vector<Finding> with(std::initializer_list<Severity> severities) {
  std::vector<Finding> out;
  for (auto s : severities) out.emplace_back().set_severity(s);
  return out;
}

TEST(Verdict, FromSeveritiesAndDeviceRead) {
  using namespace ::coldcheck::report;
  EXPECT_EQ(verdict({}, true), VERDICT_OK);
  EXPECT_EQ(verdict(with({SEVERITY_INFO, SEVERITY_ADVICE}), true), VERDICT_OK);
  EXPECT_EQ(verdict(with({SEVERITY_INFO, SEVERITY_WARNING}), true), VERDICT_ATTENTION);
  EXPECT_EQ(verdict(with({SEVERITY_WARNING, SEVERITY_CRITICAL}), true), VERDICT_STOP);
  EXPECT_EQ(verdict({}, false), VERDICT_NO_DEVICE);
  EXPECT_EQ(verdict(with({SEVERITY_WARNING}), false), VERDICT_NO_DEVICE);
  // A scam warning stands even when no device was read.
  EXPECT_EQ(verdict(with({SEVERITY_CRITICAL}), false), VERDICT_STOP);
}

}  // namespace
}  // namespace cc::findings
