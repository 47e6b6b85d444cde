#pragma once
// The indexed columns the store derives from a sealed report: language-neutral values
// only (ids, codes, enum names, dates), never the translated titles.
#include <string>
#include <utility>
#include <vector>

#include "coldcheck/report.pb.h"

namespace cc::store {

struct Columns {
  std::string digest;              // the report's body digest (hex): its identity in the store
  std::string created;             // RFC 3339 UTC, as the report says
  std::string week;                // ISO 8601 week of `created`, "2026-W49"; empty when unparsable
  std::string model;               // catalog id, e.g. "trezor-safe3"; empty when unknown
  std::string firmware;            // "2.8.1"; empty when none or unknown
  std::string verdict;             // "ok", "attention", "stop", "no-device", "unspecified"
  std::string device;              // the device pseudonym (keyed hash); empty when none
  std::string catalog_date;        // YYYY-MM-DD of the catalog that judged it; may be empty
  std::vector<std::string> codes;  // finding codes, in report order
  std::vector<std::pair<std::string, std::string>> checks;  // check id, status name
};

Columns columns_of(const ::coldcheck::report::Report& sealed);

std::string verdict_name(::coldcheck::report::Verdict v);
std::string status_name(::coldcheck::report::CheckStatus s);

// "2026-W49" for a date that starts "YYYY-MM-DD"; empty when it does not.
std::string iso_week(std::string_view date);

}  // namespace cc::store
