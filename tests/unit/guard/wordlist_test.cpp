#include "guard/wordlist.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace cc::guard {
namespace {

TEST(Wordlist, EmbeddedListMatchesTheDataFile) {
  std::ifstream in(std::string(CC_SOURCE_DIR) + "/data/bip39/english.txt");
  std::string w;
  std::size_t i = 0;
  const auto words = bip39_english();
  while (in >> w) {
    ASSERT_LT(i, words.size());
    EXPECT_EQ(words[i], w);
    ++i;
  }
  EXPECT_EQ(i, kBip39WordCount);
  EXPECT_EQ(words.front(), "abandon");
  EXPECT_EQ(words[1000], "laptop");  // index 1000 of the standard list
  EXPECT_EQ(words.back(), "zoo");
}

TEST(Wordlist, LookupWordsAndAbbreviations) {
  const WordTable& t = word_table();
  for (const std::string_view w : bip39_english()) {
    ASSERT_EQ(t.lookup(pack_word(w)), WordMatch::kWord) << w;
    if (w.size() > 4) {
      ASSERT_EQ(t.lookup(pack_word(w.substr(0, 4))), WordMatch::kPrefix4) << w;
    }
  }
  EXPECT_EQ(t.lookup(pack_word("aban")), WordMatch::kPrefix4);
  EXPECT_EQ(t.lookup(pack_word("abando")), WordMatch::kNo);  // only exactly four letters
  EXPECT_EQ(t.lookup(pack_word("the")), WordMatch::kNo);
  EXPECT_EQ(t.lookup(pack_word("abandons")), WordMatch::kNo);
  EXPECT_EQ(t.lookup(pack_word("zo")), WordMatch::kNo);
  EXPECT_EQ(t.lookup(0), WordMatch::kNo);
}

TEST(Wordlist, PackWordRejectsWhatCannotBeAWord) {
  EXPECT_EQ(pack_word(""), 0u);
  EXPECT_EQ(pack_word("abcdefghi"), 0u);
  EXPECT_EQ(pack_word("Abandon"), 0u);
  EXPECT_NE(pack_word("a"), pack_word("aa"));
  EXPECT_LT(pack_word("abandon"), pack_word("ability"));  // order follows the letters
}

}  // namespace
}  // namespace cc::guard
