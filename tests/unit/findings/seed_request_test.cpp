#include <gtest/gtest.h>

#include "findings/findings.hpp"

namespace cc::findings {
namespace {

TEST(SeedRequest, DetectsRequestsAndHandOvers) {
  for (const char* text : {
           "Support asked for my seed",
           "trezor support asked me for my recovery phrase to fix the sync",
           "Someone on Telegram wants my 12 words",
           "The support agent requested my 24 words to unlock the account",
           "I was asked to type my recovery phrase into a website",
           "The email told me to enter my seed phrase on their site",
           "I sent my recovery words to the support email",
           "They need my mnemonic to restore the funds",
           "a pop-up asked me to verify my seed phrase",
           "SUPPORT ASKED FOR MY SECRET PHRASE",
           "客服让我提供助记词",
           "有人问我要12个单词",
           "对方要求我把助记词发给他",
           "一个网站叫我输入恢复短语",
       }) {
    EXPECT_TRUE(description_mentions_seed_request(text)) << text;
  }
}

TEST(SeedRequest, IgnoresOrdinaryQuestions) {
  for (const char* text : {
           "",
           "I want to check my recovery phrase on the device",
           "I need to verify my seed backup",
           "I asked support whether my seed is safe",
           "My wallet shows zero balance after the update",
           "Support asked me for my order number",
           "I wrote my seed on paper and I lost the paper",
           "The device says backup required",
           "我想在设备上验证助记词",
           "我的钱包余额是零",
           "客服让我更新固件",
       }) {
    EXPECT_FALSE(description_mentions_seed_request(text)) << text;
  }
}

TEST(SeedRequest, RequestFarFromSeedDoesNotCount) {
  EXPECT_FALSE(description_mentions_seed_request(
      "Support asked me to reinstall the app, restart the computer, try another cable and then check whether "
      "the seed"));
}

}  // namespace
}  // namespace cc::findings
