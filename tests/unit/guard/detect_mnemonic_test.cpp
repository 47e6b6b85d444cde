#include <gtest/gtest.h>

#include <string>

#include "guard/detect.hpp"
#include "guard/normalize.hpp"

namespace cc::guard {
namespace {

MnemonicScan run(std::string_view text) { return scan_mnemonic(normalize(text)); }

TEST(DetectMnemonic, CountsConsecutiveListWords) {
  EXPECT_EQ(run("zoo zoo zoo").longest_run, 3u);
  EXPECT_EQ(run("zoo zoo the zoo").longest_run, 2u);
  EXPECT_EQ(run("zoo, zoo; zoo\nzoo 5) zoo #6 zoo 7: zoo").longest_run, 7u);
  EXPECT_EQ(run("zoo zoo zoo zoo zoo zoo zoo").fired_run, 0u);
  EXPECT_EQ(run("zoo zoo zoo zoo zoo zoo zoo zoo").fired_run, 8u);
}

TEST(DetectMnemonic, AbbreviationsNeedTwelve) {
  // "aban" "abil" ... are four-letter prefixes; "zoo" a whole word.
  EXPECT_EQ(run("aban abil zoo aban abil zoo aban abil zoo aban abil").fired_run, 0u);
  EXPECT_EQ(run("aban abil zoo aban abil zoo aban abil zoo aban abil zoo").fired_run, 12u);
  // Prefixes do not count towards the eight-word rule and do not join whole-word runs.
  EXPECT_EQ(run("zoo zoo zoo zoo aban zoo zoo zoo zoo").longest_run, 4u);
  // Three letters or five are not abbreviations.
  EXPECT_EQ(run("aba aba aba aba aba aba aba aba aba aba aba aba").fired_run, 0u);
  EXPECT_EQ(run("aband aband aband aband aband aband aband aband aband aband aband aband").fired_run, 0u);
}

TEST(DetectMnemonic, SpelledOutLettersAreJoined) {
  EXPECT_EQ(run("z o o").longest_run, 1u);
  EXPECT_EQ(run("a b a n d o n   a b i l i t y").longest_run, 2u);
  EXPECT_EQ(run("a b a n d o n a b i l i t y").longest_run, 2u);  // split back into words
  EXPECT_EQ(run("z-o-o z-o-o z-o-o z-o-o z-o-o z-o-o z-o-o z-o-o").fired_run, 8u);
  // Digits end a group: "1 a 2 b" are two single letters, not "ab".
  EXPECT_EQ(run("z1o2o").longest_run, 0u);
  EXPECT_EQ(run("x y z").longest_run, 0u);
}

TEST(DetectMnemonic, TokensThatCannotBeWords) {
  EXPECT_EQ(run("zoozoo").longest_run, 0u);
  EXPECT_EQ(run("abandonment").longest_run, 0u);
  EXPECT_EQ(run("zo\xd0\xb6").longest_run, 0u);  // a Cyrillic letter with no Latin twin
  EXPECT_EQ(run("zoo\xff").longest_run, 0u);
  EXPECT_EQ(run("zoo1zoo2zoo").longest_run, 3u);
}

}  // namespace
}  // namespace cc::guard
