#include "service/error_words.hpp"

#include <array>
#include <utility>

#include "i18n/catalog.hpp"
#include "service/http_status.hpp"

namespace cc::service {

namespace {

// What kind of error a code names, for a message that has no translation of its own.
constexpr std::array<std::pair<std::string_view, std::string_view>, 19> kKinds{{
    {"invalid_argument", N_("The request is not valid.")},
    {"not_found", N_("Not found.")},
    {"not-found", N_("Not found.")},
    {"permission_denied", N_("Permission denied.")},
    {"busy", N_("In use; try again when it is free.")},
    {"timeout", N_("No answer in time.")},
    {"disconnected", N_("The device went away.")},
    {"malformed", N_("The answer could not be read.")},
    {"device_refused", N_("The device refused.")},
    {"cancelled", N_("Cancelled.")},
    {"unsupported", N_("Not supported.")},
    {"verification_failed", N_("The check failed.")},
    {"io", N_("A read or write failed.")},
    {"internal", N_("An internal error.")},
    {"method", N_("This method is not allowed here.")},
    {"secret", N_("Refused: this looks like a secret.")},
    {"auth", N_("Not signed in.")},
    {"limit", N_("Too large.")},
    {"content-type", N_("The request is not valid.")},
}};

std::string_view kind_of(std::string_view code) {
  for (const auto& [name, words] : kKinds) {
    if (name == code) return words;
  }
  return N_("An error.");
}

}  // namespace

std::string error_words(std::string_view code, std::string_view message, findings::Language language) {
  if (language == findings::Language::kEnglish) return std::string(message);
  auto translated = i18n::tr(message, language);
  if (translated != message) return translated;
  return i18n::tr(kind_of(code), language) + " (" + std::string(message) + ")";
}

std::string error_json(std::string_view code, std::string_view message, findings::Language language) {
  return error_json(code, error_words(code, message, language));
}

std::string error_json(const Error& error, findings::Language language) {
  return error_json(to_string(error.code()), error.what(), language);
}

}  // namespace cc::service
