#include "i18n/format.hpp"

#include <algorithm>
#include <limits>
#include <vector>

namespace cc::i18n {

namespace {

// Stops (nullopt) as soon as the result would pass `max` bytes.
std::optional<std::string> format_with(std::string_view pattern, const std::vector<std::string_view>& argv,
                                       std::size_t max) {
  std::string out;
  out.reserve(std::min(pattern.size() + 32, max));
  std::size_t next = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c != '%' || i + 1 >= pattern.size()) {
      out += c;
      continue;
    }
    const std::string_view rest = pattern.substr(i + 1);
    if (rest[0] == '%') {
      out += '%';
      ++i;
    } else if (rest[0] == 's') {
      if (next < argv.size()) {
        out += argv[next++];
      } else {
        out += "%s";
      }
      ++i;
    } else if (rest.size() >= 3 && rest[0] >= '1' && rest[0] <= '9' && rest[1] == '$' && rest[2] == 's') {
      const auto index = static_cast<std::size_t>(rest[0] - '1');
      out += index < argv.size() ? argv[index] : pattern.substr(i, 4);
      i += 3;
    } else {
      out += c;
    }
    if (out.size() > max) return std::nullopt;
  }
  return out;
}

constexpr std::size_t kUnbounded = std::numeric_limits<std::size_t>::max();

}  // namespace

std::string format(std::string_view pattern, std::initializer_list<std::string_view> args) {
  return *format_with(pattern, std::vector<std::string_view>(args), kUnbounded);
}

std::string format(std::string_view pattern, const std::vector<std::string>& args) {
  return *format_with(pattern, std::vector<std::string_view>(args.begin(), args.end()), kUnbounded);
}

std::optional<std::string> format_within(std::string_view pattern, const std::vector<std::string>& args,
                                         std::size_t max) {
  return format_with(pattern, std::vector<std::string_view>(args.begin(), args.end()), max);
}

}  // namespace cc::i18n
