#pragma once
// Generated guard corpora: realistic secrets built from the real word lists and key
// formats (valid checksums where the format has one), dressed the way people paste
// them, and clean support texts in English and Chinese built from hand-written
// templates and realistic identifiers. Fully determined by the seed.
#include <cstdint>
#include <string>
#include <vector>

namespace cc::guard::corpus {

struct Case {
  std::string category;  // "bip39_en", ..., or "clean_en" / "clean_zh"
  std::string text;
};

inline constexpr std::uint64_t kDefaultSeed = 0x5EC12E7C0DEULL;

std::vector<Case> secrets(std::uint64_t seed = kDefaultSeed);
std::vector<Case> clean_texts(std::uint64_t seed = kDefaultSeed);

}  // namespace cc::guard::corpus
