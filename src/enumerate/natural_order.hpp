#pragma once
// Orders "hid:/dev/hidraw2" before "hid:/dev/hidraw10": runs of digits compare as numbers.
#include <string_view>

namespace cc::enumerate {

bool natural_less(std::string_view a, std::string_view b) noexcept;

}  // namespace cc::enumerate
