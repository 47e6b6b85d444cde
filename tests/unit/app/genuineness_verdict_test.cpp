#include "app/genuineness_verdict.hpp"

#include <gtest/gtest.h>

namespace cc::app {
namespace {

namespace rp = ::coldcheck::report;

rp::CheckResult check(const std::string& id, rp::CheckStatus status) {
  rp::CheckResult c;
  c.set_id(id);
  c.set_status(status);
  return c;
}

TEST(GenuinenessVerdict, FromTheFailures) {
  EXPECT_EQ(genuineness_verdict({}), GenuinenessVerdict::kNoFailure);
  EXPECT_EQ(genuineness_verdict({check("fw.hash", rp::CHECK_PASS), check("auth.device", rp::CHECK_UNSUPPORTED)}),
            GenuinenessVerdict::kNoFailure);
  EXPECT_EQ(
      genuineness_verdict({check("auth.unlocked_bootloader", rp::CHECK_FAIL), check("fw.hash", rp::CHECK_SKIPPED)}),
      GenuinenessVerdict::kUnlockedBootloader);
  EXPECT_EQ(genuineness_verdict({check("auth.unlocked_bootloader", rp::CHECK_FAIL), check("fw.hash", rp::CHECK_FAIL)}),
            GenuinenessVerdict::kNotGenuine);
  EXPECT_EQ(genuineness_verdict({check("auth.device", rp::CHECK_FAIL)}), GenuinenessVerdict::kNotGenuine);
}

TEST(GenuinenessVerdict, NoFailureIsNotACleanResultWhenSomethingWasNotChecked) {
  for (const auto s : {rp::CHECK_SKIPPED, rp::CHECK_ERROR, rp::CHECK_UNKNOWN}) {
    const auto v = genuineness_verdict({check("fw.revision", rp::CHECK_PASS), check("fw.hash", s)});
    EXPECT_EQ(v, GenuinenessVerdict::kIncomplete) << s;
    EXPECT_FALSE(genuineness_failed(v));
    EXPECT_NE(genuineness_verdict_line(v).find("not everything could be checked"), std::string::npos);
  }
  EXPECT_TRUE(genuineness_failed(GenuinenessVerdict::kNotGenuine));
  EXPECT_TRUE(genuineness_failed(GenuinenessVerdict::kUnlockedBootloader));
  EXPECT_FALSE(genuineness_failed(GenuinenessVerdict::kNoFailure));
}

TEST(GenuinenessVerdict, Lines) {
  EXPECT_EQ(genuineness_verdict_line(GenuinenessVerdict::kNoFailure), "verdict: no check failed");
  EXPECT_NE(genuineness_verdict_line(GenuinenessVerdict::kNotGenuine).find("NOT GENUINE"), std::string::npos);
  EXPECT_NE(genuineness_verdict_line(GenuinenessVerdict::kUnlockedBootloader).find("not counterfeit"),
            std::string::npos);
}

}  // namespace
}  // namespace cc::app
