#include "i18n/text.hpp"

#include <unordered_map>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/reflection.h>

#include "core/error.hpp"
#include "i18n/catalog.hpp"
#include "i18n/format.hpp"

namespace cc::i18n {

namespace pb = google::protobuf;
using ::coldcheck::report::Text;

Text message(std::string_view msgid, std::vector<Text> args) {
  Text t;
  t.set_msgid(std::string(msgid));
  for (auto& a : args) *t.add_args() = std::move(a);
  return t;
}

Text literal(std::string text) {
  Text t;
  t.set_literal(std::move(text));
  return t;
}

void WordBudget::overrun() const {
  throw Error(ErrorCode::kInvalidArgument,
              "the report's words would be longer than " + std::to_string(kMaxWordsPerPass >> 20) +
                  " MiB (its message arguments repeat themselves): coldcheck never writes such a report");
}

void WordBudget::spend(std::size_t bytes) {
  if (bytes > left_) overrun();
  left_ -= bytes;
}

std::string words(const Text& text, Language language, WordBudget& budget) {
  if (text.msgid().empty()) {
    budget.spend(text.literal().size());
    return text.literal();
  }
  std::vector<std::string> args;
  args.reserve(static_cast<std::size_t>(text.args_size()));
  for (const auto& a : text.args()) args.push_back(words(a, language, budget));
  std::string pattern = tr(text.msgid(), language);
  if (args.empty()) {
    budget.spend(pattern.size());
    return pattern;
  }
  auto out = format_within(pattern, args, budget.left());
  if (!out) budget.overrun();
  budget.spend(out->size());
  return std::move(*out);
}

std::string words(const Text& text, Language language) {
  WordBudget budget;
  return words(text, language, budget);
}

namespace {

constexpr std::string_view kSuffix = "_text";

// Calls fn(message, string_field, text_field) for each "<x>" / "<x>_text" pair, then
// recurses into every set message field.
template <typename Fn>
void for_each_pair(pb::Message& message, const Fn& fn) {
  const pb::Descriptor* desc = message.GetDescriptor();
  const pb::Reflection* refl = message.GetReflection();
  for (int i = 0; i < desc->field_count(); ++i) {
    const pb::FieldDescriptor* field = desc->field(i);
    if (field->cpp_type() != pb::FieldDescriptor::CPPTYPE_MESSAGE) continue;
    const std::string& name = field->name();
    if (!field->is_repeated() && field->message_type() == Text::descriptor() && name.size() > kSuffix.size() &&
        name.compare(name.size() - kSuffix.size(), kSuffix.size(), kSuffix) == 0) {
      const pb::FieldDescriptor* plain = desc->FindFieldByName(name.substr(0, name.size() - kSuffix.size()));
      if (plain != nullptr && plain->type() == pb::FieldDescriptor::TYPE_STRING && !plain->is_repeated()) {
        fn(message, *plain, *field);
      }
      continue;
    }
    if (field->is_repeated()) {
      for (int j = 0; j < refl->FieldSize(message, field); ++j)
        for_each_pair(*refl->MutableRepeatedMessage(&message, field, j), fn);
    } else if (refl->HasField(message, field)) {
      for_each_pair(*refl->MutableMessage(&message, field), fn);
    }
  }
}

// Chinese translation -> msgid, for tracing a Chinese report's words back.
const std::unordered_map<std::string, std::string>& msgid_of_translation() {
  static const auto reverse = [] {
    std::unordered_map<std::string, std::string> out;
    for (const auto& [id, translated] : message_catalog(Language::kChineseSimplified).messages()) {
      if (translated.empty()) continue;
      // Two msgids may share a translation ("warning", "WARNING"): pick one, the same every time.
      const auto [it, added] = out.emplace(translated, id);
      if (!added && id < it->second) it->second = id;
    }
    return out;
  }();
  return reverse;
}

std::optional<std::string> msgid_for(const std::string& shown, Language made_in) {
  if (made_in == Language::kEnglish) {
    if (message_catalog(Language::kChineseSimplified).find(shown)) return shown;
    return std::nullopt;
  }
  const auto& reverse = msgid_of_translation();
  if (const auto it = reverse.find(shown); it != reverse.end()) return it->second;
  return std::nullopt;
}

}  // namespace

void localize(pb::Message& message, Language language) {
  WordBudget budget;
  for_each_pair(message, [&](pb::Message& m, const pb::FieldDescriptor& plain, const pb::FieldDescriptor& text) {
    const pb::Reflection* refl = m.GetReflection();
    if (!refl->HasField(m, &text)) return;
    refl->SetString(&m, &plain, words(static_cast<const Text&>(refl->GetMessage(m, &text)), language, budget));
  });
}

void neutralize(pb::Message& message, Language made_in) {
  for_each_pair(message, [&](pb::Message& m, const pb::FieldDescriptor& plain, const pb::FieldDescriptor& text) {
    const pb::Reflection* refl = m.GetReflection();
    if (refl->HasField(m, &text)) {
      refl->ClearField(&m, &plain);
      return;
    }
    const std::string shown = refl->GetString(m, &plain);
    if (shown.empty()) return;
    if (const auto id = msgid_for(shown, made_in)) {
      static_cast<Text*>(refl->MutableMessage(&m, &text))->set_msgid(*id);
      refl->ClearField(&m, &plain);
    }
  });
}

}  // namespace cc::i18n
