#pragma once
// Integrity of a report: SHA-256 over the deterministic serialization of the body.
// It detects edits and transfer damage; it is not a signature (anyone can re-seal).
// What it covers depends on the body's schema version (docs/report-format.md): v1 and
// v2, the whole body; v3, the language-neutral content only (the words kept beside each
// Text and the language they are in are left out, and verify() checks those words
// against their message ids instead).
#include <string>
#include <vector>

#include "coldcheck/report.pb.h"

namespace cc::report {

inline constexpr std::string_view kIntegrityAlgorithm = "sha256-deterministic-protobuf";

// Deterministic protobuf serialization of what the digest covers: the body, or for v3
// its language-neutral content.
std::string canonical_body_bytes(const ::coldcheck::report::Body& body);
// Lower-case hex SHA-256 of canonical_body_bytes(body).
std::string body_digest_hex(const ::coldcheck::report::Body& body);

// Wraps the body with its integrity block.
::coldcheck::report::Report seal(::coldcheck::report::Body body);

struct VerifyResult {
  bool ok = false;
  std::string expected_hex;           // the digest the report carries
  std::string actual_hex;             // the digest of the body as it is now
  std::vector<std::string> problems;  // human lines; empty when ok
};

// Checks the digest, the algorithm, the schema version and that the required parts
// (body, run information, verdict, integrity) are present; for v3, also that the stored
// words are what the message ids say in the report's language.
VerifyResult verify(const ::coldcheck::report::Report& report);

}  // namespace cc::report
