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
  // Letters and digits mixed over a stretch are an identifier (hex, base58): no words.
  EXPECT_EQ(run("zoo1zoo2zoo").longest_run, 0u);
  EXPECT_EQ(run("a1b2c3d4e5f6").longest_run, 0u);
}

TEST(DetectMnemonic, LabelsAreSkipped) {
  EXPECT_EQ(run("w1=zoo w2=zoo w3=zoo w4=zoo w5=zoo w6=zoo w7=zoo w8=zoo").fired_run, 8u);
  EXPECT_EQ(run("1st zoo 2nd zoo 3rd zoo 4th zoo 5th zoo 6th zoo 7th zoo 8th zoo").fired_run, 8u);
  EXPECT_EQ(run("a) zoo b) zoo c) zoo d) zoo e) zoo f) zoo g) zoo h) zoo").fired_run, 8u);
  EXPECT_EQ(
      run("<ol><li>zoo</li><li>zoo</li><li>zoo</li><li>zoo</li><li>zoo</li><li>zoo</li><li>zoo</li><li>zoo</li></ol>")
          .fired_run,
      8u);
}

TEST(DetectMnemonic, SentencesDoNotJoin) {
  // Seven list words, a question mark, one more: two sentences, not a run of eight.
  EXPECT_EQ(run("please help you can also check this? zoo").fired_run, 0u);
  EXPECT_EQ(run("(code 24)\nPlease help you can also check this").fired_run, 0u);
  EXPECT_EQ(run("zoo zoo zoo zoo\nzoo zoo zoo zoo").fired_run, 8u);  // one word per line still joins
}

TEST(DetectMnemonic, TyposPluralsAndWrappedWords) {
  const std::string legal = "legal winner thank year wave sausage worth useful legal winner thank yellow";
  EXPECT_GT(run("legal winer thank year wave sausage worth usefull legal winner thank yellow").fired_run, 0u);
  EXPECT_GT(run("legal winners thank year wave sausage worth useful legal winner thank yellow").fired_run, 0u);
  EXPECT_EQ(run("legal winner thank year wave sau-\nsage worth useful").fired_run, 8u);
  EXPECT_EQ(run("legal winner thank year wave sau\nsage worth useful").fired_run, 8u);
  EXPECT_GT(run(legal).fired_run, 0u);
}

TEST(DetectMnemonic, EveryBip39Language) {
  // Simplified Chinese with and without spaces, with labels; Japanese with ideographic
  // spaces; Korean; Spanish with and without accents; French; Italian; Czech.
  const char* phrases[] = {
      "\xe7\x9a\x84 \xe4\xb8\x80 \xe6\x98\xaf \xe5\x9c\xa8 \xe4\xb8\x8d \xe4\xba\x86 \xe6\x9c\x89 \xe5\x92\x8c",
      "\xe7\xac\xac"
      "1\xe4\xb8\xaa \xe7\x9a\x84 \xe7\xac\xac"
      "2\xe4\xb8\xaa \xe4\xb8\x80 \xe7\xac\xac"
      "3\xe4\xb8\xaa \xe6\x98\xaf "
      "\xe7\xac\xac"
      "4\xe4\xb8\xaa \xe5\x9c\xa8 \xe7\xac\xac"
      "5\xe4\xb8\xaa \xe4\xb8\x8d \xe7\xac\xac"
      "6\xe4\xb8\xaa \xe4\xba\x86 "
      "\xe7\xac\xac"
      "7\xe4\xb8\xaa \xe6\x9c\x89 \xe7\xac\xac"
      "8\xe4\xb8\xaa \xe5\x92\x8c",
      "\xe3\x81\x82\xe3\x81\x84\xe3\x81\x93\xe3\x81\x8f\xe3\x81\x97\xe3\x82\x93\xe3\x80\x80\xe3\x81\x82\xe3\x81\x84\xe3"
      "\x81\x95\xe3\x81\xa4"
      "\xe3\x80\x80\xe3\x81\x82\xe3\x81\x84\xe3\x81\xa0\xe3\x80\x80\xe3\x81\x82\xe3\x81\x8a\xe3\x81\x9e\xe3\x82\x89\xe3"
      "\x80\x80"
      "\xe3\x81\x82\xe3\x81\x8b\xe3\x81\xa1\xe3\x82\x83\xe3\x82\x93\xe3\x80\x80\xe3\x81\x82\xe3\x81\x8d\xe3\x82\x8b\xe3"
      "\x80\x80"
      "\xe3\x81\x82\xe3\x81\x91\xe3\x81\x8c\xe3\x81\x9f\xe3\x80\x80\xe3\x81\x82\xe3\x81\x91\xe3\x82\x8b",
      "\xea\xb0\x80\xea\xb2\xa9 \xea\xb0\x80\xeb\x81\x94 \xea\xb0\x80\xeb\x82\x9c \xea\xb0\x80\xeb\x8a\xa5 "
      "\xea\xb0\x80\xeb\x93\x9d "
      "\xea\xb0\x80\xeb\xa5\xb4\xec\xb9\xa8 \xea\xb0\x80\xeb\xad\x84 \xea\xb0\x80\xeb\xb0\xa9",
      "\xc3\xa1"
      "baco abdomen abeja abierto abogado abono aborto abrazo",
      "abaco abdomen abeja abierto abogado abono aborto abrazo",
      "abaisser abandon abdiquer abeille abolir aborder aboutir aboyer",
      "abaco abbaglio abbinato abete abisso abolire abrasivo abrogato",
      "abeceda adresa akce aktovka alej alkohol ananas andulka",
      "abacate abaixo abalar abater abduzir abelha aberto abismo",
  };
  for (const char* p : phrases) EXPECT_GE(run(p).fired_run, 8u) << p;
}

}  // namespace
}  // namespace cc::guard
