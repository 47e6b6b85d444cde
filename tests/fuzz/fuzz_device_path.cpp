// Device paths come from users, config files and HTTP clients: parse must only ever
// succeed or throw cc::Error, and a parsed path must format and re-parse to itself.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "transport/device_path.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto path = cc::transport::parse_device_path(text);
    const auto again = cc::transport::parse_device_path(path.to_string());
    if (again.to_string() != path.to_string()) __builtin_trap();
  } catch (const cc::Error&) {
  }
  return 0;
}
