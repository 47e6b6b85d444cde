#pragma once
// Every string a device sends (Features vendor and model, Failure and Success messages,
// Ledger app names) passes here before the rest of coldcheck keeps or shows it: valid
// UTF-8 (a report with invalid bytes would fail its own verification), no control or
// bidi characters, and short, so a hostile device cannot paint the terminal or flood a
// report.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/clean_text.hpp"

namespace cc::drivers {

inline constexpr std::size_t kDeviceFieldMax = 128;    // names, versions, ids
inline constexpr std::size_t kDeviceMessageMax = 256;  // Failure / Success text

inline std::string device_string(std::string_view bytes, std::size_t max_bytes = kDeviceFieldMax) {
  return clean_text(bytes, max_bytes);
}

}  // namespace cc::drivers
