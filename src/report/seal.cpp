#include "report/seal.hpp"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <optional>

#include "core/error.hpp"
#include "core/hex.hpp"
#include "core/version.hpp"
#include "i18n/stored_words.hpp"
#include "report/sha256.hpp"

namespace cc::report {

namespace rpt = ::coldcheck::report;

namespace {

bool known_version(rpt::SchemaVersion v) {
  return v == rpt::REPORT_SCHEMA_VERSION || v == rpt::REPORT_SCHEMA_VERSION_2 || v == rpt::REPORT_SCHEMA_VERSION_3;
}

std::string deterministic_bytes(const rpt::Body& body) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    if (!body.SerializeToCodedStream(&coded)) throw Error(ErrorCode::kInternal, "cannot serialize the report body");
  }
  return out;
}

// At most `max` bytes of a value read from the report, printable ASCII only (it reaches
// the terminal).
std::string printable(std::string_view s, std::size_t max) {
  std::string out(s.substr(0, max));
  for (char& c : out) {
    if (c < 0x20 || c > 0x7E) c = '?';
  }
  return out;
}

// The language tag a v3 report's words are in, if it is one coldcheck writes.
std::optional<i18n::Language> words_language(const rpt::RunInfo& run) {
  for (const auto language : {i18n::Language::kEnglish, i18n::Language::kChineseSimplified}) {
    if (run.language() == i18n::language_tag(language)) return language;
  }
  return std::nullopt;
}

// v3: the words beside each Text are outside the digest, so they must be exactly what
// the message ids say in the report's language.
void check_stored_words(const rpt::Body& body, std::vector<std::string>& problems) {
  const auto language = words_language(body.run());
  if (!language) {
    problems.push_back("the report's language \"" + printable(body.run().language(), 16) +
                       "\" is not one coldcheck writes (en or zh-CN), so its words cannot be checked");
    return;
  }
  std::vector<i18n::WordMismatch> mismatches;
  try {
    mismatches = i18n::word_mismatches(body, *language);
  } catch (const Error& e) {
    problems.push_back(std::string("words cannot be checked: ") + e.what());
    return;
  }
  if (mismatches.empty()) return;
  constexpr std::size_t kNamed = 5;
  std::string fields;
  for (std::size_t i = 0; i < mismatches.size() && i < kNamed; ++i) fields += (i ? ", " : "") + mismatches[i].field;
  if (mismatches.size() > kNamed) fields += " and " + std::to_string(mismatches.size() - kNamed) + " more";
  std::string line = "words edited: " + fields + (mismatches.size() == 1 ? " does" : " do") +
                     " not say what the report's message ids say in " + std::string(i18n::language_tag(*language)) +
                     "; the words were changed after the report was made (a v3 digest covers the message ids, "
                     "not the words shown beside them)";
  if (*language != i18n::Language::kEnglish && body.run().tool_version() != kVersion) {
    line += ". The report was made by coldcheck " + printable(body.run().tool_version(), 32) + " and this is " +
            kVersion + ": if only the translation changed in between, nothing was edited";
  }
  problems.push_back(std::move(line));
}

void check_body(const rpt::Body& body, std::vector<std::string>& problems) {
  if (!known_version(body.schema_version())) {
    problems.push_back("unknown schema version " + std::to_string(static_cast<int>(body.schema_version())) +
                       " (this coldcheck reads versions 1 to " +
                       std::to_string(static_cast<int>(rpt::REPORT_SCHEMA_VERSION_3)) + ")");
  }
  if (!body.has_run()) problems.push_back("the report has no run information");
  if (body.verdict() == rpt::VERDICT_UNSPECIFIED || !rpt::Verdict_IsValid(body.verdict())) {
    problems.push_back("the report has no verdict");
  }
  if (body.schema_version() == rpt::REPORT_SCHEMA_VERSION_3) check_stored_words(body, problems);
}

}  // namespace

std::string canonical_body_bytes(const rpt::Body& body) {
  if (body.schema_version() != rpt::REPORT_SCHEMA_VERSION_3) return deterministic_bytes(body);
  rpt::Body neutral = body;
  i18n::drop_words(neutral);
  if (neutral.has_run()) neutral.mutable_run()->clear_language();
  return deterministic_bytes(neutral);
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
  if (report.has_body()) check_body(body, problems);
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
