#pragma once
// Whether two Han characters side by side make a common Chinese word (see the .cpp).
#include <cstdint>
#include <string_view>

#include "guard/word_index.hpp"

namespace cc::guard {

bool is_common_zh_pair(std::string_view first, std::string_view second);

// The same for two three-byte characters given as numbers (their UTF-8 bytes, first
// byte highest): (first << 24) | second.
bool is_common_zh_pair_key(std::uint64_t key);
// The table behind it, keyed the same way: a caller that checks many pairs keeps it.
const PackedTable& common_zh_pairs();

}  // namespace cc::guard
