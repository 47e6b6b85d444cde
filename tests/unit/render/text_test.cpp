#include "render/text.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "report/seal.hpp"
#include "sample_body.hpp"

namespace cc::render {
namespace {

std::size_t at(const std::string& text, std::string_view needle) {
  const std::size_t pos = text.find(needle);
  EXPECT_NE(pos, std::string::npos) << "missing: " << needle << "\n" << text;
  return pos;
}

TEST(RenderText, VerdictFirstThenFindingsByUrgencyThenDeviceChecksAndDigest) {
  const auto report = report::seal(test::sample_body());
  const std::string text = render_text(report);
  EXPECT_EQ(text.rfind("coldcheck — Diagnosis report\n", 0), 0u) << text;
  const std::size_t verdict = at(text, "Verdict: STOP");
  const std::size_t critical = at(text, "1. [CRITICAL] CC-BACKUP-MISSING  No recovery backup was ever made");
  const std::size_t warning = at(text, "2. [WARNING] CC-FW-OUTDATED");
  const std::size_t advice = at(text, "3. [advice] CC-PIN-OFF");
  const std::size_t device = at(text, "\nDevice\n");
  const std::size_t checks = at(text, "[FAIL]");
  const std::size_t digest = at(text, report.integrity().digest_hex());
  EXPECT_LT(verdict, critical);
  EXPECT_LT(critical, warning);
  EXPECT_LT(warning, advice);
  EXPECT_LT(advice, device);
  EXPECT_LT(device, checks);
  EXPECT_LT(checks, digest);
  at(text, "What to do: Make the backup on the device now");
  at(text, "- firmware version: observed 1.8.3, expected >= 1.12.1");
  EXPECT_TRUE(std::regex_search(text, std::regex("\n  Firmware +1\\.8\\.3\n"))) << text;
  at(text, "coldcheck never asks for your recovery phrase");
  at(text, "Demo:");
}

TEST(RenderText, NeutralisesTerminalControlAndBidiCharacters) {
  auto body = test::sample_body();
  body.mutable_description()->set_text("ok\x1b[2J\x1b]0;pwned\x07 \xE2\x80\xAEreversed\r");
  const std::string text = render_text(report::seal(body));
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_EQ(text.find('\x07'), std::string::npos);
  EXPECT_EQ(text.find('\r'), std::string::npos);
  EXPECT_EQ(text.find("\xE2\x80\xAE"), std::string::npos);
  EXPECT_NE(text.find("reversed"), std::string::npos);
}

TEST(RenderText, UsesTheGivenLabels) {
  Labels zh;
  zh.title = "诊断报告";
  zh.verdict = "结论";
  zh.verdict_stop = "停止";
  zh.findings = "发现";
  const std::string text = render_text(report::seal(test::sample_body()), zh);
  EXPECT_NE(text.find("coldcheck — 诊断报告"), std::string::npos);
  EXPECT_NE(text.find("结论: 停止"), std::string::npos);
  EXPECT_NE(text.find("发现 (3)"), std::string::npos);
}

TEST(RenderText, RefusedDescriptionShowsOnlyTheCategory) {
  auto body = test::sample_body();
  body.mutable_description()->Clear();
  body.mutable_description()->set_refused(true);
  body.mutable_description()->set_refused_category("recovery phrase");
  const std::string text = render_text(report::seal(body));
  EXPECT_NE(text.find("Not included: it looked like it contained a secret (recovery phrase)"), std::string::npos);
}

}  // namespace
}  // namespace cc::render
