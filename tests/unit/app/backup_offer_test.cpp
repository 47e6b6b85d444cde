#include "app/backup_offer.hpp"

#include <gtest/gtest.h>

namespace cc::app {
namespace {

using findings::Language;

TEST(BackupOffer, AskedForRunsWithoutAsking) {
  bool asked = false;
  const auto offer = decide_backup_offer({.requested = true}, Language::kEnglish, [&](const std::string&) {
    asked = true;
    return false;
  });
  EXPECT_TRUE(offer.run);
  EXPECT_FALSE(asked);
  EXPECT_TRUE(offer.not_run_reason.empty());
}

TEST(BackupOffer, NobodyToAskMeansNotRequested) {
  const auto offer =
      decide_backup_offer({.interactive = false}, Language::kEnglish, [](const std::string&) { return true; });
  EXPECT_FALSE(offer.run);
  EXPECT_NE(offer.not_run_reason.find("not requested"), std::string::npos);
  const auto declined = decide_backup_offer({.declined = true, .interactive = true}, Language::kEnglish,
                                            [](const std::string&) { return true; });
  EXPECT_FALSE(declined.run);
}

TEST(BackupOffer, TheDemoDoesNotOffer) {
  const auto offer = decide_backup_offer({.interactive = true, .demo = true}, Language::kEnglish,
                                         [](const std::string&) { return true; });
  EXPECT_FALSE(offer.run);
  EXPECT_NE(offer.not_run_reason.find("demo"), std::string::npos);
}

TEST(BackupOffer, ThePersonDecides) {
  std::string question;
  const auto yes = decide_backup_offer({.interactive = true}, Language::kEnglish, [&](const std::string& q) {
    question = q;
    return true;
  });
  EXPECT_TRUE(yes.run);
  EXPECT_NE(question.find("never here"), std::string::npos);
  const auto no = decide_backup_offer({.interactive = true}, Language::kChineseSimplified,
                                      [](const std::string&) { return false; });
  EXPECT_FALSE(no.run);
  EXPECT_NE(no.not_run_reason, "you chose not to run it") << "the reason is in the run's language";
}

}  // namespace
}  // namespace cc::app
