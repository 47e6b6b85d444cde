#pragma once
// The finding codes: stable meaning, default severity, place in the urgency table and
// the English title and remediation (translated through the message catalog).
#include <span>
#include <string_view>

#include "coldcheck/report.pb.h"

namespace cc::findings {

struct CodeInfo {
  std::string_view code;
  ::coldcheck::report::Severity severity;  // default; a rule may lower it (see the rule)
  const char* title;
  const char* remediation;
};

// In urgency order: a finding's rank is its index here.
std::span<const CodeInfo> code_table();
const CodeInfo* find_code(std::string_view code);
std::size_t urgency_rank(std::string_view code);  // code_table().size() when unknown

}  // namespace cc::findings
