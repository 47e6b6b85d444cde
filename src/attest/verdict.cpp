#include "attest/attest.hpp"

namespace cc::attest {

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::kGenuine: return "genuine";
    case Verdict::kGenuineTestRoot: return "genuine_test_root";
    case Verdict::kBadSignature: return "bad_signature";
    case Verdict::kUnknownRoot: return "unknown_root";
    case Verdict::kBlacklistedCa: return "blacklisted_ca";
    case Verdict::kBadChain: return "bad_chain";
    case Verdict::kModelMismatch: return "model_mismatch";
    case Verdict::kMalformed: return "malformed";
    case Verdict::kNoCertificates: return "no_certificates";
  }
  return "unknown";
}

}  // namespace cc::attest
