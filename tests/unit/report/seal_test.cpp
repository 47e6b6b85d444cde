#include "report/seal.hpp"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/stubs/logging.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "report/read_report.hpp"
#include "sample_body.hpp"

namespace cc::report {
namespace {

namespace rpt = ::coldcheck::report;

std::string deterministic(const rpt::Report& report) {
  std::string out;
  google::protobuf::io::StringOutputStream stream(&out);
  {
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    report.SerializeToCodedStream(&coded);
  }
  return out;
}

TEST(Seal, SealedReportVerifies) {
  const rpt::Report report = seal(test::sample_body());
  EXPECT_EQ(report.integrity().algorithm(), "sha256-deterministic-protobuf");
  EXPECT_EQ(report.integrity().digest_hex().size(), 64u);
  const VerifyResult r = verify(report);
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(r.expected_hex, r.actual_hex);
}

TEST(Seal, DigestIsSha256OfTheDeterministicBody) {
  const rpt::Body body = test::sample_body();
  EXPECT_EQ(seal(body).integrity().digest_hex(), body_digest_hex(body));
  EXPECT_EQ(body_digest_hex(body), body_digest_hex(test::sample_body()));
}

TEST(Seal, AnyFieldChangeFailsWithADigestMismatch) {
  rpt::Report report = seal(test::sample_body());
  report.mutable_body()->mutable_device()->mutable_facts()->set_firmware_version("1.12.1");
  const VerifyResult r = verify(report);
  EXPECT_FALSE(r.ok);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].find("digest mismatch"), std::string::npos);
  EXPECT_NE(r.expected_hex, r.actual_hex);
}

TEST(Seal, MissingPartsAndUnknownVersionsAreNamed) {
  rpt::Body body = test::sample_body();
  body.set_schema_version(static_cast<rpt::SchemaVersion>(7));
  body.clear_run();
  body.set_verdict(rpt::VERDICT_UNSPECIFIED);
  rpt::Report report = seal(body);
  report.mutable_integrity()->set_algorithm("md5");
  const VerifyResult r = verify(report);
  EXPECT_FALSE(r.ok);
  std::string all;
  for (const auto& p : r.problems) all += p + "\n";
  EXPECT_NE(all.find("schema version 7"), std::string::npos) << all;
  EXPECT_NE(all.find("no run information"), std::string::npos) << all;
  EXPECT_NE(all.find("no verdict"), std::string::npos) << all;
  EXPECT_NE(all.find("md5"), std::string::npos) << all;

  rpt::Report bare;
  const VerifyResult b = verify(bare);
  EXPECT_FALSE(b.ok);
  EXPECT_GE(b.problems.size(), 2u);
}

// Every single-byte change of the binary file is caught: either the bytes no longer
// parse (or are not canonical), or the digest no longer matches.
TEST(Seal, EveryOneByteChangeOfTheBinaryIsDetected) {
  const std::string original = deterministic(seal(test::sample_body()));
  ASSERT_GT(original.size(), 500u);
  google::protobuf::LogSilencer quiet;  // invalid UTF-8 in a string field is logged before it is refused
  std::size_t parsed_but_failed = 0, refused = 0;
  for (std::size_t i = 0; i < original.size(); ++i) {
    for (const unsigned mask : {0x01u, 0x02u, 0x10u, 0x80u, 0xFFu}) {
      std::string bytes = original;
      bytes[i] = static_cast<char>(static_cast<unsigned char>(bytes[i]) ^ mask);
      try {
        const rpt::Report report = parse_report(bytes);
        const VerifyResult r = verify(report);
        EXPECT_FALSE(r.ok) << "byte " << i << " ^ " << mask << " went unnoticed";
        ++parsed_but_failed;
      } catch (const Error&) {
        ++refused;
      }
    }
  }
  EXPECT_GT(parsed_but_failed, 0u);
  EXPECT_GT(refused, 0u);
}

TEST(Seal, EditedJsonFailsNamingTheDigestMismatch) {
  const rpt::Report report = seal(test::sample_body());
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string json;
  ASSERT_TRUE(google::protobuf::util::MessageToJsonString(report, &json, options).ok());
  const std::string from = "\"firmware_version\":\"1.8.3\"";
  const auto pos = json.find(from);
  ASSERT_NE(pos, std::string::npos) << json;
  json.replace(pos, from.size(), "\"firmware_version\":\"1.12.1\"");
  const VerifyResult r = verify(parse_report(json));
  EXPECT_FALSE(r.ok);
  ASSERT_FALSE(r.problems.empty());
  EXPECT_NE(r.problems[0].find("digest mismatch"), std::string::npos) << r.problems[0];
}

}  // namespace
}  // namespace cc::report
