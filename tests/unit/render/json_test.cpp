#include "render/json.hpp"

#include <gtest/gtest.h>

#include "render/pb.hpp"
#include "report/seal.hpp"
#include "sample_body.hpp"

namespace cc::render {
namespace {

TEST(RenderJson, UsesProtoFieldNamesAndIsIndented) {
  const std::string json = render_json(report::seal(test::sample_body()));
  EXPECT_NE(json.find("\"firmware_version\": \"1.8.3\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"digest_hex\""), std::string::npos);
  EXPECT_NE(json.find("\"verdict\": \"VERDICT_STOP\""), std::string::npos);
  EXPECT_EQ(json.find("firmwareVersion"), std::string::npos);
  EXPECT_NE(json.find("\n  "), std::string::npos);
}

TEST(RenderPb, IsDeterministic) {
  const auto report = report::seal(test::sample_body());
  EXPECT_EQ(render_pb(report), render_pb(report::seal(test::sample_body())));
  ::coldcheck::report::Report back;
  ASSERT_TRUE(back.ParseFromString(render_pb(report)));
  EXPECT_EQ(back.integrity().digest_hex(), report.integrity().digest_hex());
}

}  // namespace
}  // namespace cc::render
