#include "checks/identify.hpp"

#include <gtest/gtest.h>

namespace cc::checks {
namespace {

namespace rp = ::coldcheck::report;
using findings::Language;

::coldcheck::DeviceFacts named(const std::string& model) {
  ::coldcheck::DeviceFacts f;
  f.set_model_name(model);
  return f;
}

TEST(IdentifyCheck, ADeviceThatNamedItsModelPasses) {
  const auto c = identify_check(named("Trezor Safe 3"), IdentifiedBy::kDevice, Language::kEnglish);
  EXPECT_EQ(c.id(), "device.identify");
  EXPECT_EQ(c.status(), rp::CHECK_PASS);
  ASSERT_EQ(c.evidence_size(), 1);
  EXPECT_EQ(c.evidence(0).observed(), "Trezor Safe 3");
}

TEST(IdentifyCheck, UsbIdsAloneAreUnknownNeverPass) {
  const auto c = identify_check(named("BitBox02"), IdentifiedBy::kUsbOnly, Language::kEnglish);
  EXPECT_EQ(c.status(), rp::CHECK_UNKNOWN);
  EXPECT_NE(c.detail().find("USB ids only"), std::string::npos) << c.detail();
  EXPECT_NE(c.detail().find("nothing was read from the device"), std::string::npos) << c.detail();
  ASSERT_EQ(c.evidence_size(), 1);
  EXPECT_EQ(c.evidence(0).observed(), "BitBox02");
}

TEST(IdentifyCheck, LedgerInsideAnAppSaysHowToGetTheModel) {
  ::coldcheck::DeviceFacts f;
  f.mutable_ledger()->set_screen(::coldcheck::LedgerFacts::SCREEN_APP);
  f.mutable_ledger()->set_app_name("Bitcoin");
  const auto c = identify_check(f, IdentifiedBy::kDevice, Language::kEnglish);
  EXPECT_EQ(c.status(), rp::CHECK_UNKNOWN);
  EXPECT_NE(c.detail().find("while Bitcoin is open"), std::string::npos) << c.detail();
  EXPECT_NE(c.detail().find("dashboard"), std::string::npos) << c.detail();
  EXPECT_EQ(c.detail().find("not in the catalog"), std::string::npos) << c.detail();
  const auto zh = identify_check(f, IdentifiedBy::kDevice, Language::kChineseSimplified);
  EXPECT_NE(zh.detail(), c.detail()) << "the reason is not translated";
  EXPECT_NE(zh.detail().find("Bitcoin"), std::string::npos) << zh.detail();
}

TEST(IdentifyCheck, LockedLedgerAndUnknownAnswersAreUnknown) {
  ::coldcheck::DeviceFacts locked;
  locked.mutable_ledger()->set_screen(::coldcheck::LedgerFacts::SCREEN_LOCKED);
  const auto l = identify_check(locked, IdentifiedBy::kDevice, Language::kEnglish);
  EXPECT_EQ(l.status(), rp::CHECK_UNKNOWN);
  EXPECT_NE(l.detail().find("unlock"), std::string::npos) << l.detail();
  const auto other = identify_check(::coldcheck::DeviceFacts{}, IdentifiedBy::kDevice, Language::kEnglish);
  EXPECT_EQ(other.status(), rp::CHECK_UNKNOWN);
  EXPECT_FALSE(other.detail().empty());
}

TEST(IdentifyCheck, FailureIsAnError) {
  const auto c = identify_failed("udp:127.0.0.1:1: timeout", Language::kEnglish);
  EXPECT_EQ(c.status(), rp::CHECK_ERROR);
  EXPECT_EQ(c.detail(), "udp:127.0.0.1:1: timeout");
}

}  // namespace
}  // namespace cc::checks
