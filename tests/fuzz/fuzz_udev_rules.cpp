// Arbitrary bytes as an installed udev rules file: the parser must read or mark every
// line, never crash or loop; the check over a fake /etc must end in a result.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string_view>

#include "fuzz_input.hpp"
#include "fuzz_scratch.hpp"
#include "host/host_checks.hpp"
#include "host/udev_rule_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cc::fuzz::Input in(data, size);
  const std::uint16_t vid = in.u16();
  const std::uint16_t pid = in.u16();
  const std::string text = in.remaining_text();
  const auto rules = cc::host::parse_udev_rules(text);
  int last_line = 0;
  for (const auto& r : rules) {
    if (r.line < last_line || r.line < 1) __builtin_trap();
    last_line = r.line;
  }
  static const cc::fuzz::ScratchDir scratch("udev");
  const std::filesystem::path& root = scratch.path();
  std::filesystem::create_directories(root / "etc/udev/rules.d");
  std::ofstream(root / "etc/udev/rules.d/51-fuzz.rules", std::ios::binary) << text;
  (void)cc::host::check_udev_rules(cc::host::HostRoot(root), vid, pid);
  return 0;
}
