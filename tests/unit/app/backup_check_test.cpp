// Which backup check each family gets, the Ledger procedure's answers, and answers that
// hold a recovery word, with a scripted person (no device needed for these paths).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <deque>

#include "app/backup_check.hpp"

namespace cc::app {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ScriptedPerson final : public Person {
 public:
  explicit ScriptedPerson(std::deque<std::string> answers) : answers_(std::move(answers)) {}
  void tell(const std::string& text) override { heard += text + "\n"; }
  bool confirm(const std::string& question) override {
    const auto a = ask(question, false);
    return a && *a == "yes";
  }
  std::optional<std::string> ask(const std::string& prompt, bool) override {
    heard += prompt + "\n";
    if (answers_.empty()) return std::nullopt;
    auto a = answers_.front();
    answers_.pop_front();
    return a;
  }
  bool interrupted() const override { return false; }
  std::string heard;

 private:
  std::deque<std::string> answers_;
};

const catalog::Catalog& cat() { return catalog::Catalog::builtin(); }

::coldcheck::DeviceFacts facts(const std::string& catalog_id) {
  ::coldcheck::DeviceFacts f;
  f.set_catalog_id(catalog_id);
  f.set_maker(cat().find(catalog_id)->vendor());
  f.set_mode(::coldcheck::DEVICE_MODE_FIRMWARE);
  f.set_initialized(true);
  f.set_backup_type("bip39");
  return f;
}

BackupMethod method_for(const ::coldcheck::DeviceFacts& f) {
  return plan_backup_check(f, cat(), findings::Language::kEnglish).method;
}

TEST(BackupPlan, EachFamilyGetsItsOwnCheckOrAnHonestNo) {
  EXPECT_EQ(method_for(facts("trezor-one")), BackupMethod::kMatrix);
  EXPECT_EQ(method_for(facts("trezor-model-t")), BackupMethod::kOnDevice);
  EXPECT_EQ(method_for(facts("trezor-safe-3")), BackupMethod::kOnDevice);
  EXPECT_EQ(method_for(facts("ledger-nano-x")), BackupMethod::kUserReported);
  for (const char* id : {"keepkey", "onekey-classic", "bitbox02", "coldcard", "blockstream-jade"}) {
    const auto plan = plan_backup_check(facts(id), cat(), findings::Language::kEnglish);
    EXPECT_EQ(plan.method, BackupMethod::kUnsupported) << id;
    EXPECT_FALSE(plan.reason.empty()) << id;
  }
  auto bootloader = facts("trezor-safe-3");
  bootloader.set_mode(::coldcheck::DEVICE_MODE_BOOTLOADER);
  EXPECT_EQ(method_for(bootloader), BackupMethod::kUnsupported);
  auto empty = facts("trezor-safe-3");
  empty.set_initialized(false);
  EXPECT_EQ(method_for(empty), BackupMethod::kUnsupported);
}

TEST(BackupCheck, LedgerResultIsWhatThePersonReportsAndSaysSo) {
  const std::pair<const char*, BackupVerdict> cases[] = {{"correct", BackupVerdict::kMatches},
                                                         {"INCORRECT", BackupVerdict::kMismatch},
                                                         {"skip", BackupVerdict::kCancelled}};
  for (const auto& [answer, verdict] : cases) {
    ScriptedPerson person({answer});
    const auto out = check_backup(nullptr, facts("ledger-nano-s-plus"), cat(), person, {});
    EXPECT_EQ(out.verdict, verdict) << answer;
    EXPECT_EQ(out.method, BackupMethod::kUserReported);
    EXPECT_THAT(person.heard, HasSubstr("Recovery Check"));
    EXPECT_THAT(person.heard, HasSubstr("Nobody needs your recovery words"));
    const auto check = backup_check_result(out, findings::Language::kEnglish);
    EXPECT_EQ(check.id(), "backup.check");
    bool marked = false;
    for (const auto& e : check.evidence()) marked |= e.observed() == "reported by the person, not measured";
    EXPECT_TRUE(marked) << answer;
  }
}

TEST(BackupCheck, AnAnswerHoldingARecoveryWordIsRefusedWithAWarningNeverEchoed) {
  ScriptedPerson person({"my words are zebra gravity", "nothing", "no"});
  const auto out = check_backup(nullptr, facts("ledger-nano-x"), cat(), person, {});
  EXPECT_EQ(out.verdict, BackupVerdict::kCancelled);
  EXPECT_THAT(person.heard, HasSubstr("STOP: that looks like a word of a recovery phrase"));
  EXPECT_THAT(person.heard, Not(HasSubstr("zebra")));
  EXPECT_THAT(person.heard, HasSubstr("Please answer correct, incorrect or skip."));  // "nothing" is no list word
}

TEST(BackupCheck, ATrezorWithoutAnOpenDriverIsAnErrorNotAGuess) {
  ScriptedPerson person({"12", "yes"});
  const auto out = check_backup(nullptr, facts("trezor-safe-3"), cat(), person, {});
  EXPECT_EQ(out.verdict, BackupVerdict::kError);
}

TEST(BackupCheck, AWordCountOutsideTheStandardIsRefusedBeforeTheDeviceIsTouched) {
  ScriptedPerson person({});
  BackupCheckOptions options;
  options.word_count = 20;  // SLIP39 size: not on a Trezor One
  const auto out = check_backup(nullptr, facts("trezor-one"), cat(), person, options);
  EXPECT_EQ(out.verdict, BackupVerdict::kError);
  EXPECT_THAT(out.detail, HasSubstr("12, 18 or 24"));
}

}  // namespace
}  // namespace cc::app
