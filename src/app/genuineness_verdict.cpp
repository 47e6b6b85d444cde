#include "app/genuineness_verdict.hpp"

#include "findings/check_ids.hpp"

namespace cc::app {

namespace rp = ::coldcheck::report;

GenuinenessVerdict genuineness_verdict(const std::vector<rp::CheckResult>& checks) {
  bool failed = false;
  bool only_unlocked = true;
  bool incomplete = false;
  for (const auto& c : checks) {
    const auto s = c.status();
    incomplete |= s == rp::CHECK_SKIPPED || s == rp::CHECK_ERROR || s == rp::CHECK_UNKNOWN;
    if (s != rp::CHECK_FAIL) continue;
    failed = true;
    only_unlocked &= c.id() == findings::kAuthUnlockedBootloader;
  }
  if (!failed) return incomplete ? GenuinenessVerdict::kIncomplete : GenuinenessVerdict::kNoFailure;
  return only_unlocked ? GenuinenessVerdict::kUnlockedBootloader : GenuinenessVerdict::kNotGenuine;
}

bool genuineness_failed(GenuinenessVerdict verdict) {
  return verdict == GenuinenessVerdict::kUnlockedBootloader || verdict == GenuinenessVerdict::kNotGenuine;
}

std::string genuineness_verdict_line(GenuinenessVerdict verdict) {
  switch (verdict) {
    case GenuinenessVerdict::kNoFailure: return "verdict: no check failed";
    case GenuinenessVerdict::kIncomplete:
      return "verdict: no check failed, but not everything could be checked: see the checks above for what and why";
    case GenuinenessVerdict::kUnlockedBootloader:
      return "verdict: genuine hardware whose bootloader was unlocked (custom firmware was installed at some point); "
             "not counterfeit, but not verifiable either";
    case GenuinenessVerdict::kNotGenuine: break;
  }
  return "verdict: NOT GENUINE or modified: stop using this device";
}

}  // namespace cc::app
