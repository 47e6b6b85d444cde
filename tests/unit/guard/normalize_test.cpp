#include "guard/normalize.hpp"

#include <gtest/gtest.h>

#include <string>

namespace cc::guard {
namespace {

TEST(Normalize, AsciiPassesThroughWithControlsAsSpaces) {
  EXPECT_EQ(normalize("Abc 123 -_.\n"), "Abc 123 -_.\n");
  EXPECT_EQ(normalize("a\tb\rc\x7f"), "a b c ");
}

TEST(Normalize, FullwidthBecomesAscii) {
  EXPECT_EQ(normalize("\xef\xbd\x81\xef\xbd\x82\xef\xbc\xa1\xef\xbc\x91"), "abA1");  // ａｂＡ１
}

TEST(Normalize, HomoglyphsBecomeLatin) {
  // Cyrillic а е о р с у х і ј ѕ ԁ, Latin ɡ, Greek ο α ν ρ τ
  EXPECT_EQ(
      normalize("\xd0\xb0\xd0\xb5\xd0\xbe\xd1\x80\xd1\x81\xd1\x83\xd1\x85\xd1\x96\xd1\x98\xd1\x95\xd4\x81\xc9\xa1"),
      "aeopcyxijsdg");
  EXPECT_EQ(normalize("\xce\xbf\xce\xb1\xce\xbd\xcf\x81\xcf\x84"), "oavpt");
  EXPECT_EQ(normalize("\xd0\x90\xd0\x92\xd0\xa1"), "ABC");  // Cyrillic capitals
}

TEST(Normalize, InvisiblesAreDropped) {
  // ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen, combining acute
  EXPECT_EQ(normalize("a\xe2\x80\x8b"
                      "b\xe2\x80\x8c"
                      "c\xe2\x80\x8d"
                      "d\xe2\x81\xa0"
                      "e\xef\xbb\xbf"
                      "f\xc2\xad"
                      "g\xcc\x81"),
            "abcdefg");
}

TEST(Normalize, OddSpacesBecomeSpace) {
  // NBSP, en quad, hair space, narrow NBSP, medium math space, ideographic space
  EXPECT_EQ(normalize("a\xc2\xa0"
                      "b\xe2\x80\x80"
                      "c\xe2\x80\x8a"
                      "d\xe2\x80\xaf"
                      "e\xe2\x81\x9f"
                      "f\xe3\x80\x80"
                      "g"),
            "a b c d e f g");
}

TEST(Normalize, AccentsAndStyledLettersFold) {
  EXPECT_EQ(normalize("caf\xc3\xa9 \xc5\x81\xc3\xb3"
                      "d\xc5\xba"),
            "cafe Lodz");
  EXPECT_EQ(normalize("\xf0\x9d\x90\x9a\xf0\x9d\x90\x81"), "aB");  // mathematical bold a, B
  EXPECT_EQ(normalize("\xe2\x93\x90\xe2\x92\xb6"), "aA");          // circled a, A
}

TEST(Normalize, PunctuationAndEmojiSeparate) {
  // An ellipsis is three full stops by compatibility decomposition.
  EXPECT_EQ(normalize("a\xe2\x80\x94"
                      "b\xe2\x80\xa6"
                      "c\xf0\x9f\x94\x92"
                      "d"),
            "a b...c d");
  EXPECT_EQ(normalize("\xe3\x80\x81\xe3\x83\xbb\xef\xbc\x9a"), "  :");  // 、・ then fullwidth ':' is ':'
}

TEST(Normalize, CjkStaysForTheCjkLists) {
  EXPECT_EQ(normalize("\xe4\xb8\xad\xe6\x96\x87"), "\xe4\xb8\xad\xe6\x96\x87");  // 中文
  // Hangul syllables become their jamo, composed or not: 가 and ᄀ+ᅡ meet.
  EXPECT_EQ(normalize("\xea\xb0\x80"), normalize("\xe1\x84\x80\xe1\x85\xa1"));
  // Kana lose their voicing marks the same way as the list does: が and か+゙.
  EXPECT_EQ(normalize("\xe3\x81\x8c"), normalize("\xe3\x81\x8b\xe3\x82\x99"));
}

TEST(Normalize, BidiAndFormatCharactersAreDropped) {
  // RLO ... PDF, LRI, tag letter, variation selector 16
  EXPECT_EQ(normalize("\xe2\x80\xae"
                      "ab\xe2\x80\xac"
                      "\xe2\x81\xa6"
                      "c\xf3\xa0\x80\xa1"
                      "d\xef\xb8\x8f"),
            "abcd");
}

TEST(Normalize, ConfusableSkeletonAppliesToEveryScript) {
  // Cherokee and Armenian look-alikes the old hand table did not know: Ꭺ (Cherokee A), օ (Armenian o)
  EXPECT_EQ(normalize("\xe1\x8e\xaa"), "A");
  EXPECT_EQ(normalize("\xd6\x85"), "o");
}

TEST(Normalize, OtherScriptsAndBadBytesAreForeignLetters) {
  const std::string f(1, kForeignLetter);
  EXPECT_EQ(normalize("a\xff"
                      "b"),
            "a" + f + "b");
  EXPECT_EQ(normalize("\xc0\xaf"), f + f);          // overlong '/'
  EXPECT_EQ(normalize("\xed\xa0\x80"), f + f + f);  // surrogate
  EXPECT_EQ(normalize("\xe2\x82"), f + f);          // truncated
}

}  // namespace
}  // namespace cc::guard
