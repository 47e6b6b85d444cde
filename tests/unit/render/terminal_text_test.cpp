#include "render/terminal_text.hpp"

#include <gtest/gtest.h>

#include "core/clean_text.hpp"

namespace cc::render {
namespace {

TEST(TerminalText, EscapesBidiAndInvalidBytesNeverPass) {
  const std::string page =
      "verdict: OK\x1b[2J\x1b]0;title\x07\n\xe2\x80\xae"
      "evil\xff\tx\n";
  const std::string shown = terminal_text(page);
  EXPECT_EQ(shown, "verdict: OK[2J]0;title\nevil\xef\xbf\xbd\tx\n");
  EXPECT_TRUE(is_valid_utf8(shown));
}

TEST(TerminalText, CarriageReturnsCannotOverwriteALine) {
  EXPECT_EQ(terminal_text("all checks passed\rFAIL"), "all checks passed\nFAIL");
  EXPECT_EQ(terminal_text("a\r\nb"), "a\nb");
}

TEST(TerminalText, EachLongLineIsCutOnItsOwn) {
  const std::string page = std::string(10000, 'x') + "\nshort\n";
  const std::string shown = terminal_text(page, 100);
  const auto first_end = shown.find('\n');
  ASSERT_NE(first_end, std::string::npos);
  EXPECT_LE(first_end, 100u);
  EXPECT_EQ(shown.substr(first_end - 3, 3), "\xe2\x80\xa6");
  EXPECT_EQ(shown.substr(first_end + 1), "short\n");
}

TEST(TerminalText, AFieldIsOneLineAndShort) {
  EXPECT_EQ(terminal_field("Trezor\nSafe\t3"), "Trezor Safe 3");
  EXPECT_LE(terminal_field(std::string(1000, 'y')).size(), kTerminalFieldMax);
}

TEST(TerminalText, PlainTextIsUnchanged) {
  const std::string page = "固件版本 2.8.1\n  [PASS] firmware.genuine\tsigned\n";
  EXPECT_EQ(terminal_text(page), page);
}

}  // namespace
}  // namespace cc::render
