// Runs the guard over tests/unit/guard/corpus. positive/<kind>_*.txt must fire with that
// kind; negative/* must not fire. A file named *.lines.txt holds one case per line
// (blank lines and '#' comments skipped); any other file is one case.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "guard/secret_guard.hpp"

namespace cc::guard {
namespace {

namespace fs = std::filesystem;

struct Case {
  std::string name;  // file, or file:line
  std::string text;
};

fs::path corpus_dir(const char* sub) { return fs::path(CC_SOURCE_DIR) / "tests/unit/guard/corpus" / sub; }

std::vector<Case> load(const char* sub) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(corpus_dir(sub))) {
    if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Case> cases;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    const std::string name = f.filename().string();
    if (name.ends_with(".lines.txt")) {
      std::string line;
      for (int n = 1; std::getline(in, line); ++n) {
        if (line.empty() || line[0] == '#') continue;
        cases.push_back({name + ":" + std::to_string(n), line});
      }
    } else {
      std::stringstream ss;
      ss << in.rdbuf();
      cases.push_back({name, ss.str()});
    }
  }
  return cases;
}

SecretKind kind_from_name(const std::string& name) {
  if (name.starts_with("mnemonic_")) return SecretKind::kMnemonic;
  if (name.starts_with("xprv_")) return SecretKind::kExtendedPrivateKey;
  if (name.starts_with("wif_")) return SecretKind::kWif;
  if (name.starts_with("hex_")) return SecretKind::kHexPrivateKey;
  if (name.starts_with("pem_")) return SecretKind::kPemPrivateKey;
  if (name.starts_with("electrum_")) return SecretKind::kElectrumSeed;
  return SecretKind::kNone;
}

TEST(GuardCorpus, EveryPositiveFiresWithItsKind) {
  const auto cases = load("positive");
  ASSERT_GE(cases.size(), 50u);
  for (const Case& c : cases) {
    const SecretKind want = kind_from_name(c.name);
    ASSERT_NE(want, SecretKind::kNone) << c.name << ": name must start with the kind";
    const GuardResult r = scan(c.text);
    EXPECT_EQ(category_name(r.kind), category_name(want)) << c.name;
    if (want == SecretKind::kMnemonic) {
      EXPECT_GE(r.words_in_run, 8u) << c.name;
    }
  }
  std::cout << "positive cases: " << cases.size() << "\n";
}

TEST(GuardCorpus, NoNegativeFires) {
  const auto cases = load("negative");
  ASSERT_GE(cases.size(), 150u);
  std::size_t longest = 0;
  std::string longest_name;
  for (const Case& c : cases) {
    const GuardResult r = scan(c.text);
    EXPECT_EQ(category_name(r.kind), category_name(SecretKind::kNone)) << c.name;
    if (r.words_in_run > longest) {
      longest = r.words_in_run;
      longest_name = c.name;
    }
  }
  std::cout << "negative cases: " << cases.size() << "; longest benign run of list words: " << longest << " ("
            << longest_name << ")\n";
  RecordProperty("negative_cases", static_cast<int>(cases.size()));
  RecordProperty("longest_benign_run", static_cast<int>(longest));
}

// The prose corpus is meant to be realistic and dense in list words: if its longest
// run drops, the corpus no longer tests the threshold from close by.
TEST(GuardCorpus, ProseComesWithinOneWordOfTheThreshold) {
  std::size_t longest = 0;
  for (const Case& c : load("negative")) {
    if (c.name.find("prose") == std::string::npos) continue;
    longest = std::max(longest, scan(c.text).words_in_run);
  }
  EXPECT_EQ(longest, 7u);
}

}  // namespace
}  // namespace cc::guard
