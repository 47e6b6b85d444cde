#pragma once
// Language-neutral words in a report (coldcheck.report.Text): a message id with its
// arguments, or a literal. Reports keep these; the words are made when a report is shown,
// in the language the reader asks for.
#include <cstddef>
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

// How many bytes of words one pass over a report (or one Text) may make. Placeholders
// may repeat a nested argument, so a crafted report could otherwise ask for exponentially
// many; a real one makes a few tens of KiB.
inline constexpr std::size_t kMaxWordsPerPass = 4u << 20;

class WordBudget {
 public:
  explicit WordBudget(std::size_t bytes = kMaxWordsPerPass) : left_(bytes) {}
  std::size_t left() const noexcept { return left_; }
  // Throws cc::Error{kInvalidArgument} when `bytes` is more than is left.
  void spend(std::size_t bytes);
  [[noreturn]] void overrun() const;

 private:
  std::size_t left_;
};

// The words of `text` in `language`: literals as they are, a msgid translated (the
// msgid itself when it has no translation) with its arguments put in. Throws
// cc::Error{kInvalidArgument} past the budget (its own one, or the pass's).
std::string words(const ::coldcheck::report::Text& text, Language language);
std::string words(const ::coldcheck::report::Text& text, Language language, WordBudget& budget);

// Every message field named "<x>_text" that is set fills its sibling string "<x>" with
// its words in `language`, throughout `message` (found by reflection), within one budget.
void localize(google::protobuf::Message& message, Language language);

// The reverse, for sealing a language-neutral report: every string "<x>" with a set
// "<x>_text" is cleared; a string without one that is exactly a catalog msgid (or, for a
// report made in Chinese, exactly the translation of one) becomes that msgid. Anything
// else stays as it is: data, or words this version cannot trace back to a message.
void neutralize(google::protobuf::Message& message, Language made_in);

}  // namespace cc::i18n
