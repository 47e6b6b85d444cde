#pragma once
// `reports stats` for people: a terminal table, or one self-contained HTML page with
// inline SVG charts (no external resources; the same CSP as the report pages).
#include <string>

#include "findings/findings.hpp"
#include "store/store.hpp"

namespace cc::store {

std::string stats_text(const Stats& stats, findings::Language language);
std::string stats_html(const Stats& stats, findings::Language language);

}  // namespace cc::store
