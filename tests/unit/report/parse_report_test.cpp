#include "report/read_report.hpp"

#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <fstream>

#include "core/error.hpp"
#include "report/html_embed.hpp"
#include "report/seal.hpp"
#include "sample_body.hpp"

namespace cc::report {
namespace {

namespace rpt = ::coldcheck::report;

std::string json_of(const rpt::Report& report) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.add_whitespace = true;
  EXPECT_TRUE(google::protobuf::util::MessageToJsonString(report, &json, options).ok());
  return json;
}

std::string pb_of(const rpt::Report& report) {
  std::string out;
  EXPECT_TRUE(report.SerializeToString(&out));  // small report: field order is already canonical
  return out;
}

void expect_invalid(std::string_view bytes, std::string_view message_part) {
  try {
    parse_report(bytes);
    ADD_FAILURE() << "accepted: " << bytes.substr(0, 40);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(std::string(e.what()).find(message_part), std::string::npos) << e.what();
  }
}

TEST(ParseReport, ReadsBinaryJsonAndHtml) {
  const rpt::Report report = seal(test::sample_body());
  const std::string json = json_of(report);
  for (const std::string& bytes :
       {pb_of(report), json, "\n\n  " + json, "<!doctype html><p>hi</p>" + embedded_report_block(json) + "</html>"}) {
    const rpt::Report back = parse_report(bytes);
    EXPECT_EQ(back.SerializeAsString(), report.SerializeAsString());
    EXPECT_TRUE(verify(back).ok);
  }
}

TEST(ParseReport, RefusesTheTextRendering) {
  expect_invalid("coldcheck — Diagnosis report\n\nVerdict: STOP\n", "the text format is for reading");
}

TEST(ParseReport, RefusesGarbage) {
  expect_invalid(std::string("\x00\x01\x02garbage", 10), "not a coldcheck report");
  expect_invalid("just some notes\n", "not a coldcheck report");
  expect_invalid("", "empty");
  expect_invalid("\x0a\x05\x0a\x03", "cannot be parsed");
  expect_invalid("<html><body>no report here</body></html>", "no embedded coldcheck report");
  expect_invalid("{\"body\": {\"no_such_field\": 1}}", "not a valid coldcheck report");
  expect_invalid("{ not json", "not a valid coldcheck report");
}

TEST(ParseReport, RefusesNonCanonicalBinary) {
  const rpt::Report report = seal(test::sample_body());
  std::string bytes = pb_of(report);
  // Integrity first, body second: the same message, not the bytes coldcheck writes.
  rpt::Report integrity_only;
  *integrity_only.mutable_integrity() = report.integrity();
  rpt::Report body_only;
  *body_only.mutable_body() = report.body();
  expect_invalid(integrity_only.SerializeAsString() + body_only.SerializeAsString(),
                 "not in the form coldcheck writes");
}

TEST(ReadReport, NamesTheFileInErrors) {
  test::TempDir dir;
  const auto path = dir.path() / "r.txt";
  std::ofstream(path) << "coldcheck — report\n";
  try {
    read_report(path);
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
  }
  try {
    read_report(dir.path() / "missing.json");
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kNotFound);
  }
}

}  // namespace
}  // namespace cc::report
