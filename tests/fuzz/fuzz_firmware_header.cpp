// Firmware images come from files a person picks or from a simulated device's flash:
// any bytes must end in an ImageInfo or a cc::Error, never a crash or an overread.
#include <cstddef>
#include <cstdint>
#include <span>

#include "core/error.hpp"
#include "firmware/hash.hpp"
#include "firmware/image.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> bytes(data, size);
  try {
    const auto info = cc::firmware::parse_image(bytes);
    // Whatever was parsed must describe bytes inside the buffer.
    if (info.code_offset > size || info.code_length > size - info.code_offset) __builtin_trap();
  } catch (const cc::Error&) {
  }
  // The preparation step reads the same untrusted bytes.
  const auto stored = cc::firmware::strip_legacy_header(bytes);
  if (stored.size() > size) __builtin_trap();
  return 0;
}
