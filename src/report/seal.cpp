#include "report/seal.hpp"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "core/error.hpp"
#include "core/hex.hpp"
#include "report/sha256.hpp"

namespace cc::report {

namespace rpt = ::coldcheck::report;

std::string canonical_body_bytes(const rpt::Body& body) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    if (!body.SerializeToCodedStream(&coded)) throw Error(ErrorCode::kInternal, "cannot serialize the report body");
  }
  return out;
}

std::string body_digest_hex(const rpt::Body& body) {
  const Sha256Digest digest = sha256(canonical_body_bytes(body));
  return to_hex(digest);
}

rpt::Report seal(rpt::Body body) {
  rpt::Report report;
  *report.mutable_integrity()->mutable_digest_hex() = body_digest_hex(body);
  report.mutable_integrity()->set_algorithm(std::string(kIntegrityAlgorithm));
  *report.mutable_body() = std::move(body);
  return report;
}

VerifyResult verify(const rpt::Report& report) {
  VerifyResult result;
  auto& problems = result.problems;
  if (!report.has_body()) problems.push_back("the report has no body");
  if (!report.has_integrity()) {
    problems.push_back("the report has no integrity block (digest)");
  } else if (report.integrity().algorithm() != kIntegrityAlgorithm) {
    problems.push_back("unknown integrity algorithm \"" + report.integrity().algorithm() + "\" (expected " +
                       std::string(kIntegrityAlgorithm) + ")");
  }
  const rpt::Body& body = report.body();
  if (report.has_body()) {
    if (body.schema_version() != rpt::REPORT_SCHEMA_VERSION && body.schema_version() != rpt::REPORT_SCHEMA_VERSION_2) {
      problems.push_back("unknown schema version " + std::to_string(static_cast<int>(body.schema_version())) +
                         " (this coldcheck reads versions 1 and " +
                         std::to_string(static_cast<int>(rpt::REPORT_SCHEMA_VERSION_2)) + ")");
    }
    if (!body.has_run()) problems.push_back("the report has no run information");
    if (body.verdict() == rpt::VERDICT_UNSPECIFIED || !rpt::Verdict_IsValid(body.verdict())) {
      problems.push_back("the report has no verdict");
    }
  }
  result.expected_hex = report.integrity().digest_hex();
  result.actual_hex = body_digest_hex(body);
  if (report.has_integrity() && result.expected_hex != result.actual_hex) {
    problems.push_back("digest mismatch: the report says " +
                       (result.expected_hex.empty() ? "(nothing)" : result.expected_hex) + " but its body hashes to " +
                       result.actual_hex + "; it was changed or damaged after it was made");
  }
  result.ok = problems.empty();
  return result;
}

}  // namespace cc::report
