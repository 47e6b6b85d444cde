#pragma once
// Whether two Han characters side by side make a common Chinese word (see the .cpp).
#include <string_view>

namespace cc::guard {

bool is_common_zh_pair(std::string_view first, std::string_view second);

}  // namespace cc::guard
