#pragma once
// Language-neutral words in a report (coldcheck.report.Text): a message id with its
// arguments, or a literal. Reports keep these; the words are made when a report is shown,
// in the language the reader asks for.
#include <string>
#include <string_view>
#include <vector>

#include <google/protobuf/message.h>

#include "coldcheck/report.pb.h"
#include "i18n/language.hpp"

namespace cc::i18n {

// An English msgid (marked for xgettext at the call site) and its placeholder values.
::coldcheck::report::Text message(std::string_view msgid, std::vector<::coldcheck::report::Text> args = {});
// Data shown as is, never translated.
::coldcheck::report::Text literal(std::string text);

// The words of `text` in `language`: literals as they are, a msgid translated (the
// msgid itself when it has no translation) with its arguments put in.
std::string words(const ::coldcheck::report::Text& text, Language language);

// Every message field named "<x>_text" that is set fills its sibling string "<x>" with
// its words in `language`, throughout `message` (found by reflection).
void localize(google::protobuf::Message& message, Language language);

// The reverse, for sealing a language-neutral report: every string "<x>" with a set
// "<x>_text" is cleared; a string without one that is exactly a catalog msgid (or, for a
// report made in Chinese, exactly the translation of one) becomes that msgid. Anything
// else stays as it is: data, or words this version cannot trace back to a message.
void neutralize(google::protobuf::Message& message, Language made_in);

}  // namespace cc::i18n
