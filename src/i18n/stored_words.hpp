#pragma once
// The words a report keeps beside its language-neutral Text fields ("<x>" next to a set
// "<x>_text"): made from the Text when the report was sealed, for readers of the plain
// JSON. From schema v3 the digest leaves them out, so they are checked against the Text
// instead (report::verify).
#include <string>
#include <vector>

#include <google/protobuf/message.h>

#include "i18n/language.hpp"

namespace cc::i18n {

// Clears every "<x>" whose "<x>_text" is set, throughout `message`.
void drop_words(google::protobuf::Message& message);

// A stored "<x>" that is not what its set "<x>_text" says in `language`.
struct WordMismatch {
  std::string field;  // the path of "<x>", e.g. "findings[0].title"
  std::string msgid;  // the message it should say (empty for a literal)
};

// Every such field, in field order (the empty path prefix names `message` itself).
// Throws cc::Error{kInvalidArgument} when the words would pass kMaxWordsPerPass.
std::vector<WordMismatch> word_mismatches(const google::protobuf::Message& message, Language language);

}  // namespace cc::i18n
