// Schema v3: the digest covers the language-neutral content, and the words kept beside
// each message id are checked against it instead. v2 keeps its whole-body digest.
#include <gtest/gtest.h>

#include "core/version.hpp"
#include "i18n/text.hpp"
#include "report/seal.hpp"
#include "sample_body.hpp"

namespace cc::report {
namespace {

namespace rpt = ::coldcheck::report;
using i18n::Language;

// The sample with message ids on its first finding and first device check, the words of
// `language` beside them, in schema `version`.
rpt::Body neutral_body(rpt::SchemaVersion version, Language language) {
  rpt::Body body = test::sample_body();
  body.set_schema_version(version);
  body.mutable_run()->set_tool_version(kVersion);
  auto* f = body.mutable_findings(0);
  *f->mutable_title_text() = i18n::message("The firmware is out of date");
  *f->mutable_detail_text() = i18n::message("%s or later (a security release)", {i18n::literal("1.12.1")});
  *f->mutable_evidence(0)->mutable_name_text() = i18n::message("firmware version");
  *body.mutable_device()->mutable_checks(0)->mutable_title_text() = i18n::message("Firmware revision");
  i18n::localize(body, language);
  body.mutable_run()->set_language(std::string(i18n::language_tag(language)));
  return body;
}

std::string all_problems(const VerifyResult& r) {
  std::string all;
  for (const auto& p : r.problems) all += p + "\n";
  return all;
}

TEST(SealV3, SealedV3Verifies) {
  for (const auto language : {Language::kEnglish, Language::kChineseSimplified}) {
    const VerifyResult r = verify(seal(neutral_body(rpt::REPORT_SCHEMA_VERSION_3, language)));
    EXPECT_TRUE(r.ok) << all_problems(r);
  }
}

TEST(SealV3, TheDigestDoesNotDependOnTheLanguage) {
  const auto en = neutral_body(rpt::REPORT_SCHEMA_VERSION_3, Language::kEnglish);
  const auto zh = neutral_body(rpt::REPORT_SCHEMA_VERSION_3, Language::kChineseSimplified);
  ASSERT_NE(en.findings(0).title(), zh.findings(0).title());
  EXPECT_EQ(body_digest_hex(en), body_digest_hex(zh));
  // So a report sealed in English, put into Chinese words, still verifies.
  rpt::Report report = seal(en);
  *report.mutable_body() = zh;
  EXPECT_TRUE(verify(report).ok) << all_problems(verify(report));
}

TEST(SealV3, EditedWordsFailNamingTheField) {
  rpt::Report report = seal(neutral_body(rpt::REPORT_SCHEMA_VERSION_3, Language::kEnglish));
  report.mutable_body()->mutable_findings(0)->set_title("Nothing to worry about");
  const VerifyResult r = verify(report);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.expected_hex, r.actual_hex) << "the words are outside the digest";
  ASSERT_EQ(r.problems.size(), 1u) << all_problems(r);
  EXPECT_NE(r.problems[0].find("words edited: findings[0].title does not say what the report's message ids say in en"),
            std::string::npos)
      << r.problems[0];
  EXPECT_EQ(r.problems[0].find("translation changed"), std::string::npos) << "English words cannot drift";
}

TEST(SealV3, DroppedWordsFailToo) {
  rpt::Report report = seal(neutral_body(rpt::REPORT_SCHEMA_VERSION_3, Language::kEnglish));
  auto* f = report.mutable_body()->mutable_findings(0);
  f->clear_title();
  f->clear_detail();
  f->mutable_evidence(0)->clear_name();
  report.mutable_body()->mutable_device()->mutable_checks(0)->clear_title();
  const VerifyResult r = verify(report);
  EXPECT_FALSE(r.ok);
  const std::string all = all_problems(r);
  EXPECT_NE(all.find("device.checks[0].title, findings[0].evidence[0].name, findings[0].detail, findings[0].title do"),
            std::string::npos)
      << all;
}

TEST(SealV3, WordsInAnotherLanguageThanTheReportSaysFail) {
  rpt::Report report = seal(neutral_body(rpt::REPORT_SCHEMA_VERSION_3, Language::kChineseSimplified));
  report.mutable_body()->mutable_run()->set_language("en");
  const VerifyResult r = verify(report);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(all_problems(r).find("words edited"), std::string::npos) << all_problems(r);
}

TEST(SealV3, AChineseReportFromAnotherVersionSaysTheTranslationMayHaveChanged) {
  rpt::Body body = neutral_body(rpt::REPORT_SCHEMA_VERSION_3, Language::kChineseSimplified);
  body.mutable_run()->set_tool_version("0.0.1");
  rpt::Report report = seal(body);
  report.mutable_body()->mutable_findings(0)->set_title("固件很新");
  const std::string all = all_problems(verify(report));
  EXPECT_NE(all.find("words edited: findings[0].title"), std::string::npos) << all;
  EXPECT_NE(all.find("made by coldcheck 0.0.1 and this is " + std::string(kVersion)), std::string::npos) << all;
}

TEST(SealV3, AnUnknownLanguageIsRefused) {
  rpt::Body body = neutral_body(rpt::REPORT_SCHEMA_VERSION_3, Language::kEnglish);
  body.mutable_run()->set_language("fr\x1b[2J");
  const VerifyResult r = verify(seal(body));
  EXPECT_FALSE(r.ok);
  const std::string all = all_problems(r);
  EXPECT_NE(all.find("language \"fr?[2J\" is not one coldcheck writes"), std::string::npos) << all;
}

TEST(SealV3, MessageIdsAndDataAreCovered) {
  const rpt::Report sealed = seal(neutral_body(rpt::REPORT_SCHEMA_VERSION_3, Language::kEnglish));
  rpt::Report msgid = sealed;
  msgid.mutable_body()->mutable_findings(0)->mutable_title_text()->set_msgid("No PIN is set");
  msgid.mutable_body()->mutable_findings(0)->set_title("No PIN is set");  // its words agree
  rpt::Report arg = sealed;
  arg.mutable_body()->mutable_findings(0)->mutable_detail_text()->mutable_args(0)->set_literal("1.8.3");
  arg.mutable_body()->mutable_findings(0)->set_detail("1.8.3 or later (a security release)");
  rpt::Report version = sealed;
  version.mutable_body()->set_schema_version(rpt::REPORT_SCHEMA_VERSION_2);
  for (const auto* r : {&msgid, &arg, &version}) {
    const VerifyResult v = verify(*r);
    EXPECT_FALSE(v.ok);
    EXPECT_NE(all_problems(v).find("digest mismatch"), std::string::npos) << all_problems(v);
  }
}

TEST(SealV3, VersionTwoStillDigestsTheWholeBody) {
  const auto v2 = neutral_body(rpt::REPORT_SCHEMA_VERSION_2, Language::kEnglish);
  auto v2_zh = neutral_body(rpt::REPORT_SCHEMA_VERSION_2, Language::kChineseSimplified);
  EXPECT_NE(body_digest_hex(v2), body_digest_hex(v2_zh));
  rpt::Report report = seal(v2);
  EXPECT_TRUE(verify(report).ok) << all_problems(verify(report));
  report.mutable_body()->mutable_findings(0)->set_title("Nothing to worry about");
  const VerifyResult r = verify(report);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(all_problems(r).find("digest mismatch"), std::string::npos) << all_problems(r);
  EXPECT_EQ(all_problems(r).find("words edited"), std::string::npos) << "v2 has no words check";
}

// Placeholders that repeat nested arguments would make 4^30 copies: verify names that
// instead of trying.
TEST(SealV3, WordsThatWouldNotEndAreRefusedQuickly) {
  rpt::Body body = neutral_body(rpt::REPORT_SCHEMA_VERSION_3, Language::kEnglish);
  rpt::Text t = i18n::literal(std::string(64, 'x'));
  for (int i = 0; i < 30; ++i) t = i18n::message("%1$s%1$s%1$s%1$s", {t});
  *body.mutable_findings(1)->mutable_title_text() = t;
  const VerifyResult r = verify(seal(body));
  EXPECT_FALSE(r.ok);
  EXPECT_NE(all_problems(r).find("words cannot be checked: the report's words would be longer than 4 MiB"),
            std::string::npos)
      << all_problems(r);
}

}  // namespace
}  // namespace cc::report
