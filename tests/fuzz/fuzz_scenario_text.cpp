// Scenario files are user input to `coldcheck simulate --scenario FILE`.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "sim/simulator.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    (void)cc::sim::parse_scenario(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.textproto");
  } catch (const cc::Error&) {
  }
  return 0;
}
