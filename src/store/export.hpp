#pragma once
// Exporting stored reports for other tools: JSON Lines (one report per line, with its
// store columns) and CSV (the columns only; the digest as "sha256:<hex>").
#include <ostream>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace cc::store {

// Returns how many reports were written.
std::size_t export_jsonl(Store& store, const Filter& filter, std::ostream& out);
std::size_t export_csv(Store& store, const Filter& filter, std::ostream& out);

// The summaries as one JSON array (what `reports list --json` prints).
std::string summaries_json(const std::vector<Summary>& summaries);

// A JSON string literal, quotes included.
std::string json_string(std::string_view text);
// One CSV field: quoted when needed; a leading = + - @ is defused for spreadsheets.
std::string csv_field(std::string_view text);

}  // namespace cc::store
