// The words kept beside a Text: dropped for the digest, and checked against the Text.
#include "i18n/stored_words.hpp"

#include <gtest/gtest.h>

#include "i18n/text.hpp"

namespace cc::i18n {
namespace {

namespace rp = ::coldcheck::report;

rp::Body body_in(Language language) {
  rp::Body body;
  auto* f = body.add_findings();
  f->set_code("CC-FW-OUTDATED");
  *f->mutable_title_text() = message("The firmware is out of date");
  *f->mutable_detail_text() = message("%s or later (a security release)", {literal("1.12.1")});
  auto* e = f->add_evidence();
  *e->mutable_name_text() = message("firmware version");
  e->set_observed("1.8.3");  // data, no Text
  auto* c = body.mutable_device()->add_checks();
  c->set_id("fw.revision");
  *c->mutable_title_text() = message("Firmware revision");
  localize(body, language);
  return body;
}

TEST(StoredWords, WordsMadeFromTheirTextsMatch) {
  EXPECT_TRUE(word_mismatches(body_in(Language::kEnglish), Language::kEnglish).empty());
  EXPECT_TRUE(word_mismatches(body_in(Language::kChineseSimplified), Language::kChineseSimplified).empty());
}

TEST(StoredWords, AnEditedWordIsNamedByItsPath) {
  auto body = body_in(Language::kEnglish);
  body.mutable_findings(0)->set_detail("1.12.1 or later (nothing urgent)");
  body.mutable_device()->mutable_checks(0)->set_title("");
  const auto found = word_mismatches(body, Language::kEnglish);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].field, "device.checks[0].title");
  EXPECT_EQ(found[0].msgid, "Firmware revision");
  EXPECT_EQ(found[1].field, "findings[0].detail");
  EXPECT_EQ(found[1].msgid, "%s or later (a security release)");
}

TEST(StoredWords, WordsInAnotherLanguageDoNotMatch) {
  const auto zh = body_in(Language::kChineseSimplified);
  EXPECT_EQ(word_mismatches(zh, Language::kEnglish).size(), 4u);
}

TEST(StoredWords, DropWordsLeavesTextsAndData) {
  auto body = body_in(Language::kChineseSimplified);
  drop_words(body);
  const auto& f = body.findings(0);
  EXPECT_TRUE(f.title().empty());
  EXPECT_TRUE(f.detail().empty());
  EXPECT_TRUE(f.evidence(0).name().empty());
  EXPECT_EQ(f.evidence(0).observed(), "1.8.3");
  EXPECT_EQ(f.title_text().msgid(), "The firmware is out of date");
  EXPECT_EQ(f.code(), "CC-FW-OUTDATED");
  EXPECT_TRUE(body.device().checks(0).title().empty());
}

}  // namespace
}  // namespace cc::i18n
