#include <cstdlib>
#include <string>

#include "i18n/language.hpp"

namespace cc::i18n {

Language parse_language(std::string_view locale) {
  // "zh_CN.UTF-8@euro" -> "zh"; the language is the part before '_', '-', '.' or '@'.
  const auto end = locale.find_first_of("_-.@");
  const std::string_view lang = locale.substr(0, end);
  if (lang.size() == 2 && (lang[0] == 'z' || lang[0] == 'Z') && (lang[1] == 'h' || lang[1] == 'H')) {
    return Language::kChineseSimplified;
  }
  return Language::kEnglish;
}

Language language_from_env() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && *value != '\0') return parse_language(value);
  }
  return Language::kEnglish;
}

std::string_view language_tag(Language language) { return language == Language::kChineseSimplified ? "zh-CN" : "en"; }

}  // namespace cc::i18n
