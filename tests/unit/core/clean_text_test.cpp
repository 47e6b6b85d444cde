#include "core/clean_text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace cc {
namespace {

TEST(CleanText, PlainTextPassesUnchanged) {
  EXPECT_EQ(clean_text("Trezor Model T, firmware 2.6.3", 100), "Trezor Model T, firmware 2.6.3");
  EXPECT_EQ(clean_text("\xe5\x9b\xba\xe4\xbb\xb6 caf\xc3\xa9 \xf0\x9f\x98\x80", 100),
            "\xe5\x9b\xba\xe4\xbb\xb6 caf\xc3\xa9 \xf0\x9f\x98\x80");
  EXPECT_EQ(clean_text("", 10), "");
}

TEST(CleanText, InvalidBytesBecomeReplacementCharacters) {
  // A GBK-encoded "你好" (0xC4 0xE3 0xBA 0xC3) is not UTF-8: four replacement characters.
  EXPECT_EQ(clean_text("\xc4\xe3\xba\xc3", 100), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
  EXPECT_EQ(clean_text("a\xff"
                       "b",
                       100),
            "a\xef\xbf\xbd"
            "b");
  EXPECT_EQ(clean_text("\xc0\xaf", 100), "\xef\xbf\xbd\xef\xbf\xbd");                  // overlong '/'
  EXPECT_EQ(clean_text("\xed\xa0\x80", 100), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");  // surrogate
  EXPECT_EQ(clean_text("x\xe2\x82", 100), "x\xef\xbf\xbd\xef\xbf\xbd");                // truncated
  EXPECT_TRUE(is_valid_utf8(clean_text("\xf5\x80\x80\x80\xf4\x90\x80\x80", 100)));     // past U+10FFFF
}

TEST(CleanText, ControlCharactersAreRemoved) {
  // ESC sequences (terminal colours, title changes), BEL, NUL, DEL and C1 CSI.
  EXPECT_EQ(clean_text("a\x1b[31mred\x1b]0;title\x07"
                       "b",
                       100),
            "a[31mred]0;titleb");
  EXPECT_EQ(clean_text(std::string("x\0y\x7fz", 5), 100), "xyz");
  EXPECT_EQ(clean_text("a\xc2\x9b"
                       "2Jb",
                       100),
            "a2Jb");  // U+009B
}

TEST(CleanText, NewlinesAndTabsOnlyWhenAsked) {
  EXPECT_EQ(clean_text("a\nb\tc\r\nd\re", 100), "a b c d e");
  EXPECT_EQ(clean_text("a\nb\tc\r\nd\re", 100, {.keep_newlines = true, .keep_tabs = true}), "a\nb\tc\nd\ne");
}

TEST(CleanText, BidiAndFormatCharactersAreRemoved) {
  // RLO ... PDF would show "gnp.exe" reversed; LRI/PDI, ZWSP, BOM, soft hyphen, tags.
  EXPECT_EQ(clean_text("file\xe2\x80\xae"
                       "gnp.exe\xe2\x80\xac",
                       100),
            "filegnp.exe");
  EXPECT_EQ(clean_text("\xe2\x81\xa6"
                       "a\xe2\x81\xa9\xe2\x80\x8b"
                       "b\xef\xbb\xbf"
                       "c\xc2\xad"
                       "d\xf3\xa0\x80\xa1",
                       100),
            "abcd");
}

TEST(CleanText, LongTextIsCutAtACharacterBoundaryWithAnEllipsis) {
  EXPECT_EQ(clean_text("abcdefghij", 10), "abcdefghij");
  EXPECT_EQ(clean_text("abcdefghijk", 10), "abcdefg\xe2\x80\xa6");
  // Three-byte characters: the cut never splits one.
  const std::string han = "\xe5\x9b\xba\xe4\xbb\xb6\xe7\x89\x88\xe6\x9c\xac";  // 固件版本
  const std::string cut = clean_text(han, 8);
  EXPECT_LE(cut.size(), 8u);
  EXPECT_TRUE(is_valid_utf8(cut));
  EXPECT_EQ(cut, "\xe5\x9b\xba\xe2\x80\xa6");
  EXPECT_EQ(clean_text("abcdef", 2), "ab");  // no room for the ellipsis
  EXPECT_EQ(clean_text("abcdef", 0), "");
}

TEST(CleanText, ResultIsAlwaysValidAndIdempotent) {
  std::string all;
  for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
  all += "\xe2\x80\xae\xf0\x9f\x98\x80\xed\xbf\xbf";
  for (const std::size_t limit : {std::size_t{0}, std::size_t{5}, std::size_t{64}, std::size_t{4096}}) {
    const std::string once = clean_text(all, limit);
    EXPECT_TRUE(is_valid_utf8(once));
    EXPECT_LE(once.size(), limit);
    for (const char c : once) EXPECT_FALSE(static_cast<unsigned char>(c) < 0x20 || c == 0x7f);
    if (once.size() < limit) {
      EXPECT_EQ(clean_text(once, limit), once);
    }
  }
}

}  // namespace
}  // namespace cc
