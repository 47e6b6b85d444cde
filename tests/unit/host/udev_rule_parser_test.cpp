#include "host/udev_rule_parser.hpp"

#include <gtest/gtest.h>

namespace cc::host {
namespace {

TEST(UdevRuleParser, ReadsKeysAttributesOperatorsAndValues) {
  const auto rules =
      parse_udev_rules(R"(KERNEL=="hidraw*", ATTRS{idVendor}=="1209", TAG+="uaccess", GROUP="plugdev", MODE="0660")");
  ASSERT_EQ(rules.size(), 1u);
  const auto& keys = rules[0].keys;
  ASSERT_EQ(keys.size(), 5u);
  EXPECT_EQ(keys[0].key, "KERNEL");
  EXPECT_EQ(keys[0].op, "==");
  EXPECT_EQ(keys[0].value, "hidraw*");
  EXPECT_EQ(keys[1].key, "ATTRS");
  EXPECT_EQ(keys[1].attr, "idVendor");
  EXPECT_EQ(keys[1].value, "1209");
  EXPECT_EQ(keys[2].op, "+=");
  EXPECT_EQ(keys[2].value, "uaccess");
  EXPECT_EQ(keys[3].op, "=");
  EXPECT_EQ(keys[4].value, "0660");
  EXPECT_FALSE(rules[0].malformed);
  EXPECT_EQ(rules[0].line, 1);
}

TEST(UdevRuleParser, ToleratesSpacingAndMissingCommas) {
  const auto rules = parse_udev_rules("  ATTRS{ idVendor } ==  \"2c97\"\tTAG  +=\"uaccess\" ,,MODE:=\"0666\"  ");
  ASSERT_EQ(rules.size(), 1u);
  ASSERT_EQ(rules[0].keys.size(), 3u);
  EXPECT_EQ(rules[0].keys[0].attr, "idVendor");
  EXPECT_EQ(rules[0].keys[0].value, "2c97");
  EXPECT_EQ(rules[0].keys[1].key, "TAG");
  EXPECT_EQ(rules[0].keys[2].op, ":=");
}

TEST(UdevRuleParser, SkipsCommentsAndCountsLines) {
  const auto rules = parse_udev_rules(
      "# a comment\n"
      "\n"
      "   # indented comment ATTRS{idVendor}==\"1209\"\n"
      "SUBSYSTEM==\"usb\"\n"
      "KERNEL==\"hidraw*\"\n");
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].line, 4);
  EXPECT_EQ(rules[1].line, 5);
}

TEST(UdevRuleParser, JoinsBackslashContinuations) {
  const auto rules = parse_udev_rules(
      "SUBSYSTEM==\"usb\", \\\n"
      "  ATTR{idVendor}==\"534c\", \\\r\n"
      "  TAG+=\"uaccess\"\n"
      "KERNEL==\"x\"\n");
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].line, 1);
  ASSERT_EQ(rules[0].keys.size(), 3u);
  EXPECT_EQ(rules[0].keys[2].value, "uaccess");
  EXPECT_EQ(rules[1].line, 4);
}

TEST(UdevRuleParser, AcceptsSingleQuotesAndBareValues) {
  const auto rules = parse_udev_rules("ATTRS{idVendor}=='1209', ATTRS{idProduct}==53c1");
  ASSERT_EQ(rules.size(), 1u);
  ASSERT_EQ(rules[0].keys.size(), 2u);
  EXPECT_EQ(rules[0].keys[0].value, "1209");
  EXPECT_EQ(rules[0].keys[1].value, "53c1");
}

TEST(UdevRuleParser, MarksUnterminatedQuoteAsMalformed) {
  const auto rules = parse_udev_rules("SUBSYSTEM==\"usb\", ATTRS{idVendor}==\"1209");
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_TRUE(rules[0].malformed);
  EXPECT_EQ(rules[0].keys.size(), 1u);
}

TEST(UdevRuleParser, MarksMissingOperatorAsMalformed) {
  const auto rules = parse_udev_rules("GOTO \"end\"");
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_TRUE(rules[0].malformed);
}

}  // namespace
}  // namespace cc::host
