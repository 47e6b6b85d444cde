#include "report/diff.hpp"

#include <google/protobuf/descriptor.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/error.hpp"

namespace cc::report {
namespace {

namespace pb = google::protobuf;
namespace rpt = ::coldcheck::report;

constexpr std::string_view kArrow = " → ";

// "DEVICE_MODE_BOOTLOADER" -> "bootloader": drop the prefix all values of the enum share.
std::string enum_word(const pb::EnumValueDescriptor* value) {
  if (value == nullptr) return "unknown";
  const pb::EnumDescriptor* type = value->type();
  std::string prefix = type->value(0)->name();
  for (int i = 1; i < type->value_count(); ++i) {
    const std::string& name = type->value(i)->name();
    std::size_t n = 0;
    while (n < prefix.size() && n < name.size() && prefix[n] == name[n]) ++n;
    prefix.resize(n);
  }
  prefix.resize(prefix.rfind('_') == std::string::npos ? 0 : prefix.rfind('_') + 1);
  std::string word = value->name().substr(prefix.size());
  for (char& c : word) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '_') c = ' ';
  }
  return word;
}

template <typename Enum>
std::string enum_word(const pb::EnumDescriptor* type, Enum value) {
  return enum_word(type->FindValueByNumber(static_cast<int>(value)));
}

std::string field_label(const pb::FieldDescriptor& field) {
  std::string label = field.name();
  std::replace(label.begin(), label.end(), '_', ' ');
  return label;
}

std::string scalar_text(const pb::Message& m, const pb::FieldDescriptor& field) {
  const pb::Reflection* refl = m.GetReflection();
  if (field.has_presence() && !refl->HasField(m, &field)) return "(not reported)";
  switch (field.cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_STRING: {
      const std::string s = refl->GetString(m, &field);
      return s.empty() ? "(none)" : s;
    }
    case pb::FieldDescriptor::CPPTYPE_BOOL: return refl->GetBool(m, &field) ? "yes" : "no";
    case pb::FieldDescriptor::CPPTYPE_ENUM: return enum_word(refl->GetEnum(m, &field));
    case pb::FieldDescriptor::CPPTYPE_UINT32: return std::to_string(refl->GetUInt32(m, &field));
    case pb::FieldDescriptor::CPPTYPE_INT32: return std::to_string(refl->GetInt32(m, &field));
    case pb::FieldDescriptor::CPPTYPE_UINT64: return std::to_string(refl->GetUInt64(m, &field));
    case pb::FieldDescriptor::CPPTYPE_INT64: return std::to_string(refl->GetInt64(m, &field));
    default: return "(value)";
  }
}

// Facts compared field by field through reflection, so new facts show up unasked.
void diff_facts(const ::coldcheck::DeviceFacts& a, const ::coldcheck::DeviceFacts& b, std::vector<std::string>& out) {
  const pb::Descriptor* desc = a.GetDescriptor();
  const pb::Reflection* refl = a.GetReflection();
  for (int i = 0; i < desc->field_count(); ++i) {
    const pb::FieldDescriptor& field = *desc->field(i);
    if (field.is_repeated()) {
      if (field.cpp_type() != pb::FieldDescriptor::CPPTYPE_STRING) continue;
      std::set<std::string> before, after;
      for (int j = 0; j < refl->FieldSize(a, &field); ++j) before.insert(refl->GetRepeatedString(a, &field, j));
      for (int j = 0; j < refl->FieldSize(b, &field); ++j) after.insert(refl->GetRepeatedString(b, &field, j));
      std::string change;
      for (const auto& s : after) {
        if (before.count(s) == 0) change += (change.empty() ? "" : ", ") + ("+" + s);
      }
      for (const auto& s : before) {
        if (after.count(s) == 0) change += (change.empty() ? "" : ", ") + ("-" + s);
      }
      if (!change.empty()) out.push_back(field_label(field) + ": " + change);
      continue;
    }
    if (field.cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE) continue;
    const std::string x = scalar_text(a, field);
    const std::string y = scalar_text(b, field);
    if (x != y) out.push_back(field_label(field) + ": " + x + std::string(kArrow) + y);
  }
}

void diff_findings(const rpt::Body& a, const rpt::Body& b, std::vector<std::string>& out) {
  std::map<std::string, const rpt::Finding*> before, after;
  for (const auto& f : a.findings()) before.emplace(f.code(), &f);
  for (const auto& f : b.findings()) after.emplace(f.code(), &f);
  const auto* sev = rpt::Severity_descriptor();
  const auto describe = [&](const rpt::Finding& f) {
    std::string s = f.code() + " (" + enum_word(sev, f.severity()) + ")";
    if (!f.title().empty()) s += " " + f.title();
    return s;
  };
  for (const auto& [code, f] : before) {
    const auto it = after.find(code);
    if (it == after.end()) {
      out.push_back("finding removed: " + describe(*f));
    } else if (it->second->severity() != f->severity()) {
      out.push_back("finding " + code + ": severity " + enum_word(sev, f->severity()) + std::string(kArrow) +
                    enum_word(sev, it->second->severity()));
    }
  }
  for (const auto& [code, f] : after) {
    if (before.count(code) == 0) out.push_back("finding added: " + describe(*f));
  }
}

void diff_checks(std::string_view label, const pb::RepeatedPtrField<rpt::CheckResult>& a,
                 const pb::RepeatedPtrField<rpt::CheckResult>& b, std::vector<std::string>& out) {
  std::map<std::string, rpt::CheckStatus> before, after;
  for (const auto& c : a) before.emplace(c.id(), c.status());
  for (const auto& c : b) after.emplace(c.id(), c.status());
  const auto* st = rpt::CheckStatus_descriptor();
  const std::string prefix = std::string(label) + " check ";
  for (const auto& [id, status] : before) {
    const auto it = after.find(id);
    if (it == after.end()) {
      out.push_back(prefix + id + ": no longer run (was " + enum_word(st, status) + ")");
    } else if (it->second != status) {
      out.push_back(prefix + id + ": " + enum_word(st, status) + std::string(kArrow) + enum_word(st, it->second));
    }
  }
  for (const auto& [id, status] : after) {
    if (before.count(id) == 0) out.push_back(prefix + id + ": new (" + enum_word(st, status) + ")");
  }
}

}  // namespace

std::vector<std::string> diff(const rpt::Report& before, const rpt::Report& after, const DiffOptions& options) {
  const rpt::Body& a = before.body();
  const rpt::Body& b = after.body();
  std::vector<std::string> out;
  const std::string& dev_a = a.device().device_pseudonym();
  const std::string& dev_b = b.device().device_pseudonym();
  if (dev_a != dev_b) {
    const auto name = [](const std::string& d) { return d.empty() ? std::string("(no device)") : d; };
    if (!options.force) {
      throw Error(ErrorCode::kInvalidArgument,
                  "the reports are about different devices (" + name(dev_a) + " and " + name(dev_b) +
                      "), or were made on different installs; force the comparison to see the differences anyway");
    }
    out.push_back("device: " + name(dev_a) + std::string(kArrow) + name(dev_b) +
                  " (different devices, compared anyway)");
  }
  if (a.verdict() != b.verdict()) {
    const auto* v = rpt::Verdict_descriptor();
    out.push_back("verdict: " + enum_word(v, a.verdict()) + std::string(kArrow) + enum_word(v, b.verdict()));
  }
  diff_facts(a.device().facts(), b.device().facts(), out);
  diff_findings(a, b, out);
  diff_checks("device", a.device().checks(), b.device().checks(), out);
  diff_checks("host", a.host_checks(), b.host_checks(), out);
  return out;
}

}  // namespace cc::report
