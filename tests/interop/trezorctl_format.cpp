#include "trezorctl_format.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <stdexcept>

namespace cc::test {

namespace {

using google::protobuf::FieldDescriptor;

// Field names in trezorlib 0.12.4's messages/Features.py, by field number.
const std::map<int, std::string>& trezorlib_names() {
  static const std::map<int, std::string> names = {
      {1, "vendor"},
      {2, "major_version"},
      {3, "minor_version"},
      {4, "patch_version"},
      {5, "bootloader_mode"},
      {6, "device_id"},
      {7, "pin_protection"},
      {8, "passphrase_protection"},
      {9, "language"},
      {10, "label"},
      {12, "initialized"},
      {13, "revision"},
      {14, "bootloader_hash"},
      {15, "imported"},
      {16, "unlocked"},
      {18, "firmware_present"},
      {19, "needs_backup"},
      {21, "model"},
      {22, "fw_major"},
      {23, "fw_minor"},
      {24, "fw_patch"},
      {25, "fw_vendor"},
      {27, "unfinished_backup"},
      {28, "no_backup"},
      {29, "recovery_mode"},
      {30, "capabilities"},
      {31, "backup_type"},
      {34, "wipe_code_protection"},
      {36, "passphrase_always_on_device"},
  };
  return names;
}

// Python's repr() of a str, for the plain ASCII this test data uses.
std::string python_str(const std::string& s) {
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c > 0x7E || c == '\'' || c == '\\') {
      throw std::invalid_argument("test data needs a fuller repr(): " + s);
    }
  }
  return "'" + s + "'";
}

std::string hex(const std::string& bytes) {
  std::string out;
  char buf[3];
  for (char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    std::snprintf(buf, sizeof(buf), "%02x", c);
    out += buf;
  }
  return out;
}

// format_message's bytes rendering: "<n> bytes 0x<hex>" unless mostly printable.
std::string python_bytes(const std::string& bytes) {
  std::size_t printable = 0;
  for (char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    printable += (c >= 0x20 && c <= 0x7E) ? 1 : 0;
  }
  const bool mostly_printable = bytes.empty() || printable * 10 > bytes.size() * 8;
  std::string shown;
  if (!mostly_printable) {
    shown = "0x" + hex(bytes);
  } else {
    shown = "b'";
    for (char ch : bytes) {
      const auto c = static_cast<unsigned char>(ch);
      if (c == '\\' || c == '\'') {
        shown += '\\';
        shown += static_cast<char>(c);
      } else if (c >= 0x20 && c <= 0x7E) {
        shown += static_cast<char>(c);
      } else {
        char buf[5];
        std::snprintf(buf, sizeof(buf), "\\x%02x", c);
        shown += buf;
      }
    }
    shown += "'";
  }
  return std::to_string(bytes.size()) + " bytes " + shown;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::string enum_number(const std::string& printed) {
  const auto open = printed.rfind(" (");
  if (open == std::string::npos || printed.back() != ')') return printed;
  const std::string digits = printed.substr(open + 2, printed.size() - open - 3);
  if (digits.empty() || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return printed;
  }
  return digits;
}

std::map<std::string, PrintedField> parse_format_message(const std::string& text, const std::string& message_name) {
  std::istringstream in(text);
  std::string line;
  const std::string head = message_name + " (";
  const std::string tail = " bytes) {";
  if (!std::getline(in, line) || !starts_with(line, head) || !ends_with(line, tail)) {
    throw std::invalid_argument("not a printed " + message_name + ": " + text);
  }
  std::map<std::string, PrintedField> fields;
  while (std::getline(in, line)) {
    if (line == "}") return fields;
    const auto colon = line.find(": ");
    if (!starts_with(line, "    ") || line.size() < 5 || line[4] == ' ' || colon == std::string::npos) {
      throw std::invalid_argument("unexpected line: " + line);
    }
    const std::string key = line.substr(4, colon - 4);
    const std::string rest = line.substr(colon + 2);
    if (rest == "[") {
      PrintedField& list = fields[key];
      while (std::getline(in, line) && line != "    ],") {
        if (!starts_with(line, "        ") || !ends_with(line, ",")) throw std::invalid_argument("bad item: " + line);
        list.items.push_back(line.substr(8, line.size() - 9));
      }
    } else if (ends_with(rest, ",")) {
      fields[key].value = rest.substr(0, rest.size() - 1);
    } else {
      throw std::invalid_argument("unexpected line: " + line);
    }
  }
  throw std::invalid_argument("no closing brace in: " + text);
}

std::map<std::string, PrintedField> expected_printout(const ::coldcheck::wire::trezor::Features& features) {
  std::map<std::string, PrintedField> out;
  const auto* reflection = features.GetReflection();
  std::vector<const FieldDescriptor*> set_fields;
  reflection->ListFields(features, &set_fields);
  for (const FieldDescriptor* f : set_fields) {
    const auto name = trezorlib_names().find(f->number());
    if (name == trezorlib_names().end()) continue;  // unknown to trezorlib 0.12.4: skipped
    PrintedField& p = out[name->second];
    if (f->is_repeated()) {
      for (int i = 0; i < reflection->FieldSize(features, f); ++i) {
        p.items.push_back(std::to_string(reflection->GetRepeatedEnumValue(features, f, i)));
      }
      continue;
    }
    switch (f->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING:
        p.value = f->type() == FieldDescriptor::TYPE_BYTES ? python_bytes(reflection->GetString(features, f))
                                                           : python_str(reflection->GetString(features, f));
        break;
      case FieldDescriptor::CPPTYPE_BOOL: p.value = reflection->GetBool(features, f) ? "True" : "False"; break;
      case FieldDescriptor::CPPTYPE_UINT32: p.value = std::to_string(reflection->GetUInt32(features, f)); break;
      case FieldDescriptor::CPPTYPE_ENUM: {
        const int n = reflection->GetEnumValue(features, f);
        // Fields 19 and 29 were bools in that schema: Python's bool(n).
        if (f->number() == 19 || f->number() == 29) {
          p.value = n != 0 ? "True" : "False";
        } else {
          p.value = std::to_string(n);
        }
        break;
      }
      default: throw std::invalid_argument("unhandled field type: " + f->name());
    }
  }
  return out;
}

}  // namespace cc::test
