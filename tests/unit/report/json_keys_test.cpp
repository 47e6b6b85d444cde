#include "report/json_keys.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "report/read_report.hpp"
#include "report/seal.hpp"
#include "sample_body.hpp"

namespace cc::report {
namespace {

TEST(FirstDuplicateKey, FindsATwiceUsedKeyAtAnyDepth) {
  EXPECT_EQ(first_duplicate_key(R"({"a": 1, "a": 2})"), "a");
  EXPECT_EQ(first_duplicate_key(R"({"x": {"b": "1", "c": [1, {"d": 1, "d": 1}]}})"), "d");
  EXPECT_EQ(first_duplicate_key(R"({"k\"q": 1, "k\"q": 2})"), "k\\\"q");
}

TEST(FirstDuplicateKey, SameKeyInSiblingObjectsAndStringValuesAreFine) {
  EXPECT_EQ(first_duplicate_key(R"({"a": {"v": 1}, "b": {"v": 2}})"), std::nullopt);
  EXPECT_EQ(first_duplicate_key(R"({"a": "a", "b": ["a", "a"], "c": "b"})"), std::nullopt);
  EXPECT_EQ(first_duplicate_key(R"([{"a": 1}, {"a": 1}])"), std::nullopt);
}

TEST(FirstDuplicateKey, BrokenOrVeryDeepInputStaysBounded) {
  EXPECT_EQ(first_duplicate_key(R"({"a": "never closed)"), std::nullopt);
  EXPECT_EQ(first_duplicate_key("}}}]]"), std::nullopt);
  EXPECT_EQ(first_duplicate_key(std::string(100000, '[')), "(nesting)");
}

// Protobuf keeps the last value, so an added key could change what a report says.
TEST(ParseReport, RefusesJsonWithADuplicateKey) {
  const std::string json = R"({"body": {"verdict": "VERDICT_OK", "verdict": "VERDICT_STOP"}})";
  try {
    parse_report(json);
    FAIL() << "accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(std::string(e.what()).find("\"verdict\" twice"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace cc::report
