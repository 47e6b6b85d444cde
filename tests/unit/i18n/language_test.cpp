#include <cstdlib>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "i18n/language.hpp"

namespace cc::i18n {
namespace {

TEST(ParseLanguage, ChineseLocales) {
  for (const char* s : {"zh", "zh-CN", "zh_CN", "zh_CN.UTF-8", "zh_CN.utf8", "ZH_cn", "zh-Hans", "zh_SG.GB2312",
                        "zh_TW.UTF-8", "zh@pinyin"}) {
    EXPECT_EQ(parse_language(s), Language::kChineseSimplified) << s;
  }
}

TEST(ParseLanguage, EnglishAndUnknownFallBackToEnglish) {
  for (const char* s :
       {"en", "en_US.UTF-8", "en-GB", "C", "POSIX", "", "C.UTF-8", "de_DE.UTF-8", "z", "zhx", "zho", "xzh_CN"}) {
    EXPECT_EQ(parse_language(s), Language::kEnglish) << s;
  }
}

TEST(LanguageTag, Tags) {
  EXPECT_EQ(language_tag(Language::kEnglish), "en");
  EXPECT_EQ(language_tag(Language::kChineseSimplified), "zh-CN");
}

// Sets LC_ALL, LC_MESSAGES and LANG for one test and puts the old values back.
class EnvGuard {
 public:
  EnvGuard() {
    for (int i = 0; i < 3; ++i) {
      const char* v = std::getenv(kNames[i]);
      if (v != nullptr) saved_[i] = v;
    }
  }
  ~EnvGuard() {
    for (int i = 0; i < 3; ++i) {
      if (saved_[i]) {
        ::setenv(kNames[i], saved_[i]->c_str(), 1);
      } else {
        ::unsetenv(kNames[i]);
      }
    }
  }
  static void set(const char* lc_all, const char* lc_messages, const char* lang) {
    const char* values[3] = {lc_all, lc_messages, lang};
    for (int i = 0; i < 3; ++i) {
      if (values[i] != nullptr) {
        ::setenv(kNames[i], values[i], 1);
      } else {
        ::unsetenv(kNames[i]);
      }
    }
  }

 private:
  static constexpr const char* kNames[3] = {"LC_ALL", "LC_MESSAGES", "LANG"};
  std::optional<std::string> saved_[3];
};

TEST(LanguageFromEnv, PrecedenceLcAllThenLcMessagesThenLang) {
  EnvGuard guard;
  EnvGuard::set(nullptr, nullptr, nullptr);
  EXPECT_EQ(language_from_env(), Language::kEnglish);
  EnvGuard::set(nullptr, nullptr, "zh_CN.UTF-8");
  EXPECT_EQ(language_from_env(), Language::kChineseSimplified);
  EnvGuard::set(nullptr, "en_US.UTF-8", "zh_CN.UTF-8");
  EXPECT_EQ(language_from_env(), Language::kEnglish);
  EnvGuard::set("zh_CN.UTF-8", "en_US.UTF-8", "en_US.UTF-8");
  EXPECT_EQ(language_from_env(), Language::kChineseSimplified);
  // An empty variable does not count: the next one decides.
  EnvGuard::set("", "", "zh_CN.UTF-8");
  EXPECT_EQ(language_from_env(), Language::kChineseSimplified);
  EnvGuard::set("C", nullptr, "zh_CN.UTF-8");
  EXPECT_EQ(language_from_env(), Language::kEnglish);
}

}  // namespace
}  // namespace cc::i18n
