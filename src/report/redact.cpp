#include "report/redact.hpp"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/reflection.h>

#include <array>
#include <set>

namespace cc::report {
namespace {

namespace pb = google::protobuf;

constexpr std::array<std::string_view, 7> kSchemes = {"hid", "webusb", "udp", "tcp", "serial", "replay", "usb"};

// Written by coldcheck itself from constants or formatted values; scrubbing them could
// only corrupt them (a host called "dev" would break every "dev-…" pseudonym).
const std::set<std::string, std::less<>>& identifier_fields() {
  static const std::set<std::string, std::less<>> fields = {
      "coldcheck.report.Finding.code",
      "coldcheck.report.CheckResult.id",
      "coldcheck.report.Text.msgid",
      "coldcheck.report.RunInfo.tool_version",
      "coldcheck.report.RunInfo.created_at",
      "coldcheck.report.RunInfo.os_family",
      "coldcheck.report.RunInfo.pseudonym_key_id",
      "coldcheck.report.RunInfo.language",
      "coldcheck.report.DeviceSection.device_pseudonym",
      "coldcheck.report.UserDescription.refused_category",
      "coldcheck.DeviceFacts.path",
      "coldcheck.DeviceFacts.catalog_id",
      "coldcheck.DeviceFacts.firmware_version",
      "coldcheck.DeviceFacts.bootloader_version",
      "coldcheck.DeviceFacts.firmware_revision",
      "coldcheck.DeviceFacts.bootloader_hash",
  };
  return fields;
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  if (from.empty()) return text;
  std::size_t pos = 0;
  while ((pos = text.find(from, pos)) != std::string::npos) {
    text.replace(pos, from.size(), to);
    pos += to.size();
  }
  return text;
}

struct Replacement {
  std::string from;
  std::string to;
};

template <typename Fn>
void for_each_string(pb::Message& message, const Fn& fn) {
  const pb::Descriptor* desc = message.GetDescriptor();
  const pb::Reflection* refl = message.GetReflection();
  for (int i = 0; i < desc->field_count(); ++i) {
    const pb::FieldDescriptor* field = desc->field(i);
    if (field->cpp_type() == pb::FieldDescriptor::CPPTYPE_STRING) {
      if (field->is_repeated()) {
        for (int j = 0; j < refl->FieldSize(message, field); ++j) {
          refl->SetRepeatedString(&message, field, j, fn(*field, refl->GetRepeatedString(message, field, j)));
        }
      } else if (refl->HasField(message, field)) {
        refl->SetString(&message, field, fn(*field, refl->GetString(message, field)));
      }
    } else if (field->cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE) {
      if (field->is_repeated()) {
        for (int j = 0; j < refl->FieldSize(message, field); ++j) {
          for_each_string(*refl->MutableRepeatedMessage(&message, field, j), fn);
        }
      } else if (refl->HasField(message, field)) {
        for_each_string(*refl->MutableMessage(&message, field), fn);
      }
    }
  }
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_pseudonym(std::string_view rest) {
  if (rest.size() != kPseudonymPort.size() + 13 || rest.substr(0, kPseudonymPort.size()) != kPseudonymPort ||
      rest[kPseudonymPort.size()] != '-')
    return false;
  for (char c : rest.substr(kPseudonymPort.size() + 1)) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// Device paths of other devices ("webusb:001-1.4", "tcp:alice-pc:9999") in free text.
std::string pseudonymize_paths_in_text(const std::string& text, const Pseudonymizer& pseudonymize) {
  std::string out;
  std::size_t pos = 0;
  std::size_t copied = 0;
  while (pos < text.size()) {
    std::size_t matched = 0;
    if (pos == 0 || !is_word_char(text[pos - 1])) {
      for (std::string_view scheme : kSchemes) {
        if (text.compare(pos, scheme.size(), scheme) == 0 && pos + scheme.size() < text.size() &&
            text[pos + scheme.size()] == ':') {
          matched = scheme.size() + 1;
          break;
        }
      }
    }
    if (matched == 0) {
      ++pos;
      continue;
    }
    std::size_t end = pos + matched;
    while (end < text.size() && std::string_view(" \t\n\"'`,;()[]{}<>").find(text[end]) == std::string_view::npos)
      ++end;
    while (end > pos + matched && std::string_view(".:").find(text[end - 1]) != std::string_view::npos) --end;
    const std::string_view rest(text.data() + pos + matched, end - pos - matched);
    if (!rest.empty() && !is_pseudonym(rest)) {
      out.append(text, copied, pos - copied);
      out += pseudonymize_path(std::string_view(text.data() + pos, end - pos), pseudonymize);
      copied = end;
    }
    pos = end;
  }
  out.append(text, copied, std::string::npos);
  return out;
}

}  // namespace

std::string pseudonymize_path(std::string_view path, const Pseudonymizer& pseudonymize) {
  if (path.empty()) return {};
  const std::size_t colon = path.find(':');
  std::string prefix;
  if (colon != std::string_view::npos) {
    const std::string_view scheme = path.substr(0, colon);
    for (std::string_view known : kSchemes) {
      if (scheme == known) prefix = std::string(scheme) + ":";
    }
  }
  return prefix + pseudonymize(kPseudonymPort, path);
}

void redact(::coldcheck::report::Body& body, const Pseudonymizer& pseudonymize, const HostIdentity& identity) {
  body.DiscardUnknownFields();

  std::vector<Replacement> replacements;
  if (body.has_device() && body.device().has_facts() && !body.device().facts().path().empty()) {
    auto* facts = body.mutable_device()->mutable_facts();
    const std::string raw_path = facts->path();
    const std::string pseudo = pseudonymize_path(raw_path, pseudonymize);
    replacements.push_back({raw_path, pseudo});
    // The part after the scheme ("/dev/hidraw7") also turns up in host-check evidence.
    const std::size_t colon = raw_path.find(':');
    if (colon != std::string::npos && raw_path.size() - colon - 1 >= 4) {
      const std::size_t pseudo_colon = pseudo.find(':');
      replacements.push_back(
          {raw_path.substr(colon + 1), pseudo_colon == std::string::npos ? pseudo : pseudo.substr(pseudo_colon + 1)});
    }
    facts->set_path(pseudo);
  }

  const auto& exempt = identifier_fields();
  for_each_string(body, [&](const pb::FieldDescriptor& field, const std::string& value) {
    if (exempt.count(field.full_name()) != 0) return value;
    std::string out = value;
    for (const auto& r : replacements) out = replace_all(std::move(out), r.from, r.to);
    out = pseudonymize_paths_in_text(out, pseudonymize);
    return scrub_host_details(out, identity);
  });
}

void redact(::coldcheck::report::Body& body, const Pseudonymizer& pseudonymize) {
  static const HostIdentity identity = HostIdentity::current();
  redact(body, pseudonymize, identity);
}

}  // namespace cc::report
