#pragma once
// The bench's live table: one row per port, at most 80 columns wide in either language
// (CJK characters count two columns), and the summary printed at the end.
#include <string>
#include <vector>

#include "app/device_sessions.hpp"
#include "core/utf8.hpp"
#include "findings/findings.hpp"

namespace cc::cli {

inline constexpr std::size_t kBenchWidth = 80;

// `text` cut (ending in "…") or padded with spaces to exactly `width` columns.
std::string fit(std::string_view text, std::size_t width);

// The header line and one line per port (its latest session), each kBenchWidth columns.
std::vector<std::string> bench_table(const std::vector<app::SessionInfo>& sessions, findings::Language lang);

// Counts by verdict and by finding code, and every device that could not be read, why.
std::string bench_summary(const std::vector<app::SessionInfo>& sessions, findings::Language lang);

}  // namespace cc::cli
