#pragma once
// printf-style placeholders in translated text, limited to strings: "%s" takes the next
// argument, "%2$s" a numbered one (so a translation may reorder them), "%%" is '%'.
// xgettext marks such msgids c-format and `msgfmt --check` verifies every translation
// keeps the same placeholders.
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cc::i18n {

// A placeholder without a matching argument is left as written, never read past args.
std::string format(std::string_view pattern, std::initializer_list<std::string_view> args);
std::string format(std::string_view pattern, const std::vector<std::string>& args);
// The same, or nullopt when the result would be longer than `max` bytes (placeholders
// may repeat an argument, so a crafted pattern could otherwise grow without bound).
std::optional<std::string> format_within(std::string_view pattern, const std::vector<std::string>& args,
                                         std::size_t max);

}  // namespace cc::i18n
