// Arbitrary version strings (from a device, a catalog, a release list): parsing and
// ordering must never crash, and the order must be a strict weak order.
#include <compare>
#include <cstddef>
#include <cstdint>

#include "drivers/features_facts.hpp"
#include "findings/version.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cc::fuzz::Input in(data, size);
  const auto a = cc::findings::parse_version(in.text());
  const auto b = cc::findings::parse_version(in.text());
  const auto c = cc::findings::parse_version(in.remaining_text());
  if (a && cc::findings::compare_versions(*a, *a) != std::strong_ordering::equal) __builtin_trap();
  if (a && b) {
    const auto ab = cc::findings::compare_versions(*a, *b);
    const auto ba = cc::findings::compare_versions(*b, *a);
    if ((ab < 0) != (ba > 0)) __builtin_trap();
    if (c && ab < 0 && cc::findings::compare_versions(*b, *c) < 0 && cc::findings::compare_versions(*a, *c) >= 0) {
      __builtin_trap();
    }
  }
  if (a && a->size() >= 3) {
    // What the driver prints for a device's numbers parses back to them.
    const auto printed = cc::drivers::version_string((*a)[0], (*a)[1], (*a)[2]);
    const auto back = cc::findings::parse_version(printed);
    if (!back || back->size() < 3 || (*back)[0] != (*a)[0]) __builtin_trap();
  }
  return 0;
}
