// Language-neutral report text: a message id and its arguments become words only when
// shown, in any language, and words made in either language trace back to the message.
#include "i18n/text.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace cc::i18n {
namespace {

namespace rp = ::coldcheck::report;

TEST(Text, WordsInEitherLanguage) {
  const auto t = message("%s or later (a security release)", {literal("2.8.1")});
  EXPECT_EQ(words(t, Language::kEnglish), "2.8.1 or later (a security release)");
  EXPECT_EQ(words(t, Language::kChineseSimplified), "2.8.1 或更高（安全更新版本）");
  EXPECT_EQ(words(literal("1.8.3"), Language::kChineseSimplified), "1.8.3");
  EXPECT_EQ(words(message("a sentence no catalog has"), Language::kChineseSimplified), "a sentence no catalog has");
}

rp::Finding english_finding() {
  rp::Finding f;
  f.set_code("CC-FW-OUTDATED");
  f.set_title("The firmware is out of date");
  f.set_detail("1.8.3 is older than 1.12.1");  // composite words with no message: data
  *f.mutable_detail_text() = message("%s or later (a security release)", {literal("1.12.1")});
  auto* e = f.add_evidence();
  e->set_name("firmware version");
  e->set_observed("1.8.3");
  return f;
}

TEST(Text, NeutralizeKeepsMessagesAndData) {
  auto f = english_finding();
  neutralize(f, Language::kEnglish);
  EXPECT_TRUE(f.title().empty());
  EXPECT_EQ(f.title_text().msgid(), "The firmware is out of date");
  EXPECT_TRUE(f.detail().empty()) << "a string with its Text is dropped";
  EXPECT_EQ(f.evidence(0).name_text().msgid(), "firmware version");
  EXPECT_EQ(f.evidence(0).observed(), "1.8.3") << "data is not a message";
  EXPECT_FALSE(f.evidence(0).has_observed_text());
  EXPECT_EQ(f.code(), "CC-FW-OUTDATED");
}

TEST(Text, AChineseRunTracesBackToTheSameMessages) {
  auto en = english_finding();
  auto zh = en;
  localize(zh, Language::kChineseSimplified);  // only the detail has a Text so far
  zh.set_title("固件已过时");
  zh.mutable_evidence(0)->set_name("固件版本");
  neutralize(en, Language::kEnglish);
  neutralize(zh, Language::kChineseSimplified);
  EXPECT_EQ(en.SerializeAsString(), zh.SerializeAsString()) << "the neutral form does not depend on the run's language";
}

TEST(Text, LocalizeFillsEveryStringFromItsText) {
  auto f = english_finding();
  neutralize(f, Language::kEnglish);
  auto zh = f;
  localize(zh, Language::kChineseSimplified);
  EXPECT_EQ(zh.title(), "固件已过时");
  EXPECT_EQ(zh.detail(), "1.12.1 或更高（安全更新版本）");
  EXPECT_EQ(zh.evidence(0).name(), "固件版本");
  EXPECT_EQ(zh.evidence(0).observed(), "1.8.3");
  auto en = zh;
  localize(en, Language::kEnglish);
  EXPECT_EQ(en.title(), "The firmware is out of date");
  EXPECT_EQ(en.evidence(0).name(), "firmware version");
}

TEST(Text, ReachesNestedMessages) {
  rp::Body body;
  auto* c = body.mutable_device()->add_checks();
  c->set_id("fw.hash");
  *c->mutable_title_text() = message("firmware version");
  localize(body, Language::kChineseSimplified);
  EXPECT_EQ(body.device().checks(0).title(), "固件版本");
}

// A crafted report: each level repeats its argument four times, 30 levels deep (4^30
// copies). The words stop at the budget with a clear error, without trying.
rp::Text repeating(int levels) {
  rp::Text t = literal(std::string(64, 'x'));
  for (int i = 0; i < levels; ++i) t = message("%1$s%1$s%1$s%1$s", {t});
  return t;
}

TEST(Text, RepeatedPlaceholdersStopAtTheBudget) {
  EXPECT_EQ(words(repeating(3), Language::kEnglish).size(), 64u * 64u) << "small nesting is fine";
  try {
    (void)words(repeating(30), Language::kEnglish);
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(std::string(e.what()).find("longer than 4 MiB"), std::string::npos) << e.what();
  }
}

TEST(Text, OneBudgetForAWholeReport) {
  EXPECT_EQ(words(repeating(7), Language::kEnglish).size(), 64u << 14) << "1 MiB alone is within the budget";
  rp::Body body;
  for (int i = 0; i < 20; ++i) *body.add_findings()->mutable_title_text() = repeating(7);
  EXPECT_THROW(localize(body, Language::kEnglish), Error) << "20 MiB in one report is not";
  rp::Body small;
  for (int i = 0; i < 20; ++i) *small.add_findings()->mutable_title_text() = repeating(5);
  EXPECT_NO_THROW(localize(small, Language::kEnglish));
  EXPECT_EQ(small.findings(19).title().size(), 64u << 10);
}

}  // namespace
}  // namespace cc::i18n
