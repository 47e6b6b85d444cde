#pragma once
// The stable lower-case token of each check status ("pass", "unknown", ...): the store's
// columns, the golden verdict table and the HTML classes spell statuses this way.
#include <string_view>

#include "coldcheck/report.pb.h"

namespace cc::report {

// "unspecified" for CHECK_STATUS_UNSPECIFIED and any value this build does not know.
std::string_view check_status_name(::coldcheck::report::CheckStatus status) noexcept;

}  // namespace cc::report
