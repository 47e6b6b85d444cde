#include "findings/version.hpp"

#include <algorithm>

namespace cc::findings {

std::optional<Version> parse_version(std::string_view text) {
  constexpr std::uint64_t kMaxPart = 0x7FFFFFFF;
  constexpr std::size_t kMaxParts = 4;
  Version parts;
  std::size_t pos = 0;
  while (true) {
    const std::size_t dot = std::min(text.find('.', pos), text.size());
    const std::string_view part = text.substr(pos, dot - pos);
    if (part.empty() || part.size() > 10) return std::nullopt;
    std::uint64_t value = 0;
    for (char c : part) {
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (value > kMaxPart || parts.size() == kMaxParts) return std::nullopt;
    parts.push_back(static_cast<std::uint32_t>(value));
    if (dot == text.size()) break;
    pos = dot + 1;
  }
  return parts;
}

std::strong_ordering compare_versions(const Version& a, const Version& b) {
  const std::size_t n = std::max(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t x = i < a.size() ? a[i] : 0;
    const std::uint32_t y = i < b.size() ? b[i] : 0;
    if (x != y) return x <=> y;
  }
  return std::strong_ordering::equal;
}

}  // namespace cc::findings
