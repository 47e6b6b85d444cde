#pragma once
// The languages a report and the terminal can be shown in, and how a locale names them.
#include <string_view>

namespace cc::i18n {

enum class Language { kEnglish, kChineseSimplified };

// "en", "en_US.UTF-8", "zh-CN", "zh_CN.UTF-8", "zh", "zh_TW"... Any Chinese locale gets
// Simplified Chinese (the only Chinese we have; closer for a Traditional reader than
// English). Empty, "C", "POSIX" and anything else: English.
Language parse_language(std::string_view locale);
// The first non-empty of LC_ALL, LC_MESSAGES, LANG (POSIX precedence).
Language language_from_env();
// "en" or "zh-CN" (RunInfo.language).
std::string_view language_tag(Language language);

}  // namespace cc::i18n
