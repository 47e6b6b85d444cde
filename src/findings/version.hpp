#pragma once
// Dotted firmware versions ("2.8.10") compared number by number, never as text.
#include <compare>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace cc::findings {

using Version = std::vector<std::uint32_t>;

// nullopt unless the text is 1 to 4 decimal numbers joined by '.', each < 2^31.
std::optional<Version> parse_version(std::string_view text);

// Missing trailing parts count as 0: "2.8" == "2.8.0".
std::strong_ordering compare_versions(const Version& a, const Version& b);

}  // namespace cc::findings
