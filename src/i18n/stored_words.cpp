#include "i18n/stored_words.hpp"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/reflection.h>

#include "coldcheck/report.pb.h"
#include "i18n/text.hpp"

namespace cc::i18n {
namespace {

namespace pb = google::protobuf;
using ::coldcheck::report::Text;

constexpr std::string_view kSuffix = "_text";

// The plain string "<x>" that a singular Text field "<x>_text" gives words to, if any.
const pb::FieldDescriptor* words_field_of(const pb::FieldDescriptor& field) {
  const std::string& name = field.name();
  if (field.is_repeated() || field.message_type() != Text::descriptor() || name.size() <= kSuffix.size() ||
      name.compare(name.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0) {
    return nullptr;
  }
  const pb::FieldDescriptor* plain =
      field.containing_type()->FindFieldByName(name.substr(0, name.size() - kSuffix.size()));
  if (plain == nullptr || plain->type() != pb::FieldDescriptor::TYPE_STRING || plain->is_repeated()) return nullptr;
  return plain;
}

std::string joined(const std::string& prefix, const std::string& name) {
  return prefix.empty() ? name : prefix + "." + name;
}

void collect(const pb::Message& message, const std::string& path, Language language, WordBudget& budget,
             std::vector<WordMismatch>& out) {
  const pb::Descriptor* desc = message.GetDescriptor();
  const pb::Reflection* refl = message.GetReflection();
  for (int i = 0; i < desc->field_count(); ++i) {
    const pb::FieldDescriptor* field = desc->field(i);
    if (field->cpp_type() != pb::FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (const pb::FieldDescriptor* plain = words_field_of(*field)) {
      if (!refl->HasField(message, field)) continue;
      const auto& text = static_cast<const Text&>(refl->GetMessage(message, field));
      if (refl->GetString(message, plain) != words(text, language, budget)) {
        out.push_back({joined(path, plain->name()), text.msgid()});
      }
      continue;
    }
    if (field->is_repeated()) {
      for (int j = 0; j < refl->FieldSize(message, field); ++j) {
        collect(refl->GetRepeatedMessage(message, field, j),
                joined(path, field->name()) + "[" + std::to_string(j) + "]", language, budget, out);
      }
    } else if (refl->HasField(message, field)) {
      collect(refl->GetMessage(message, field), joined(path, field->name()), language, budget, out);
    }
  }
}

}  // namespace

void drop_words(pb::Message& message) {
  const pb::Descriptor* desc = message.GetDescriptor();
  const pb::Reflection* refl = message.GetReflection();
  for (int i = 0; i < desc->field_count(); ++i) {
    const pb::FieldDescriptor* field = desc->field(i);
    if (field->cpp_type() != pb::FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (const pb::FieldDescriptor* plain = words_field_of(*field)) {
      if (refl->HasField(message, field)) refl->ClearField(&message, plain);
      continue;
    }
    if (field->is_repeated()) {
      for (int j = 0; j < refl->FieldSize(message, field); ++j)
        drop_words(*refl->MutableRepeatedMessage(&message, field, j));
    } else if (refl->HasField(message, field)) {
      drop_words(*refl->MutableMessage(&message, field));
    }
  }
}

std::vector<WordMismatch> word_mismatches(const pb::Message& message, Language language) {
  std::vector<WordMismatch> out;
  WordBudget budget;
  collect(message, "", language, budget, out);
  return out;
}

}  // namespace cc::i18n
