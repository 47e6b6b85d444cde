#include "report/status_names.hpp"

namespace cc::report {

namespace rp = ::coldcheck::report;

std::string_view check_status_name(rp::CheckStatus status) noexcept {
  switch (status) {
    case rp::CHECK_PASS: return "pass";
    case rp::CHECK_WARN: return "warn";
    case rp::CHECK_FAIL: return "fail";
    case rp::CHECK_SKIPPED: return "skipped";
    case rp::CHECK_UNSUPPORTED: return "unsupported";
    case rp::CHECK_ERROR: return "error";
    case rp::CHECK_UNKNOWN: return "unknown";
    default: return "unspecified";
  }
}

}  // namespace cc::report
