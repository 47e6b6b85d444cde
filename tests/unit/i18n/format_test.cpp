#include <gtest/gtest.h>

#include "i18n/format.hpp"

namespace cc::i18n {
namespace {

TEST(Format, SequentialAndNumberedPlaceholders) {
  EXPECT_EQ(format("%s runs %s", {"Safe 3", "2.8.10"}), "Safe 3 runs 2.8.10");
  EXPECT_EQ(format("%2$s before %1$s", {"a", "b"}), "b before a");
  EXPECT_EQ(format("100%% sure: %s", {"yes"}), "100% sure: yes");
}

TEST(Format, MissingArgumentsStayAsWritten) {
  EXPECT_EQ(format("%s and %s", {"one"}), "one and %s");
  EXPECT_EQ(format("%3$s", {"one"}), "%3$s");
  EXPECT_EQ(format("trailing %", {}), "trailing %");
  EXPECT_EQ(format("%d stays", {"x"}), "%d stays");
}

TEST(Format, ArgumentsAreNotReinterpreted) { EXPECT_EQ(format("%s", {"%s%1$s"}), "%s%1$s"); }

}  // namespace
}  // namespace cc::i18n
