#pragma once
// Reads udev rules text into key/operator/value triples, one rule per logical line.
// Tolerant by design: it reads what people actually install (extra spaces, missing
// commas, backslash continuations) and marks lines it cannot read instead of failing.
#include <string>
#include <string_view>
#include <vector>

namespace cc::host {

struct UdevKey {
  std::string key;    // "ATTRS"
  std::string attr;   // "idVendor" (the part in braces), or empty
  std::string op;     // "==", "!=", "=", "+=", "-=", ":="
  std::string value;  // without quotes
};

struct UdevRule {
  int line = 0;  // 1-based line where the rule starts
  std::vector<UdevKey> keys;
  bool malformed = false;  // keys holds what was read before the problem
};

std::vector<UdevRule> parse_udev_rules(std::string_view text);

}  // namespace cc::host
