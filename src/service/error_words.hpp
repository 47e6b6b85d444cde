#pragma once
// Error bodies in the caller's language. A message with a translation is translated
// whole; one without (it names a value, or came from a lower layer in English) is kept
// as it is and, in Chinese, led by a translated line saying what kind of error it is, so
// a person reading the page is never left with English alone.
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "findings/findings.hpp"

namespace cc::service {

// The words of an error: `code` is an ErrorCode name ("busy") or one of the service's own
// ("not-found", "secret", ...).
std::string error_words(std::string_view code, std::string_view message, findings::Language language);

// {"error":{"code":…,"message":…}} with the message in `language`.
std::string error_json(std::string_view code, std::string_view message, findings::Language language);
std::string error_json(const Error& error, findings::Language language);

}  // namespace cc::service
