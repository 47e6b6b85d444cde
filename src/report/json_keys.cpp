#include "report/json_keys.hpp"

#include <set>
#include <vector>

namespace cc::report {
namespace {

constexpr std::size_t kMaxDepth = 200;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Returns the raw text between the quotes and moves `i` past the closing quote, or
// nullopt when the string does not end.
std::optional<std::string_view> read_string(std::string_view s, std::size_t& i) {
  const std::size_t start = ++i;  // past the opening quote
  while (i < s.size()) {
    if (s[i] == '\\') {
      i += 2;
      continue;
    }
    if (s[i] == '"') return s.substr(start, i++ - start);
    ++i;
  }
  return std::nullopt;
}

struct Frame {
  bool object = false;
  bool expect_key = false;
  std::set<std::string_view> keys;
};

}  // namespace

std::optional<std::string> first_duplicate_key(std::string_view s) {
  std::vector<Frame> stack;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (is_space(c) || c == ':') {
      ++i;
    } else if (c == '{' || c == '[') {
      if (stack.size() >= kMaxDepth) return std::string("(nesting)");
      stack.push_back(Frame{c == '{', c == '{', {}});
      ++i;
    } else if (c == '}' || c == ']') {
      if (stack.empty()) return std::nullopt;
      stack.pop_back();
      ++i;
    } else if (c == ',') {
      if (!stack.empty() && stack.back().object) stack.back().expect_key = true;
      ++i;
    } else if (c == '"') {
      const auto text = read_string(s, i);
      if (!text) return std::nullopt;
      if (!stack.empty() && stack.back().object && stack.back().expect_key) {
        if (!stack.back().keys.insert(*text).second) return std::string(*text);
        stack.back().expect_key = false;
      }
    } else {
      ++i;  // numbers, true, false, null
    }
  }
  return std::nullopt;
}

}  // namespace cc::report
