#include "transport/usb_location.hpp"

#include <charconv>
#include <cstdio>

#include "core/error.hpp"

namespace cc::transport {
namespace {

[[noreturn]] void fail(const std::string& reason) { throw Error(ErrorCode::kInvalidArgument, reason); }

std::uint8_t parse_byte(std::string_view digits, std::string_view what) {
  unsigned value = 0;
  bool ok = !digits.empty() && digits.size() <= 3;
  for (char c : digits) ok = ok && c >= '0' && c <= '9';
  ok = ok && std::from_chars(digits.data(), digits.data() + digits.size(), value).ec == std::errc{};
  if (!ok) fail(std::string(what) + " '" + std::string(digits) + "' is not a number");
  if (value < 1 || value > 255) {
    fail(std::string(what) + " " + std::string(digits) + " is out of range 1..255");
  }
  return static_cast<std::uint8_t>(value);
}

}  // namespace

UsbLocation parse_usb_location(std::string_view text) {
  const auto dash = text.find('-');
  if (dash == std::string_view::npos) {
    fail("expected <bus>-<port chain>, e.g. webusb:001-1.4");
  }
  UsbLocation location;
  location.bus = parse_byte(text.substr(0, dash), "bus");
  std::string_view chain = text.substr(dash + 1);
  if (chain.empty()) fail("missing port chain after '-'");
  while (true) {
    const auto dot = chain.find('.');
    location.ports.push_back(parse_byte(chain.substr(0, dot), "port"));
    if (location.ports.size() > kMaxPortDepth) {
      fail("port chain is deeper than " + std::to_string(kMaxPortDepth) + " hubs");
    }
    if (dot == std::string_view::npos) break;
    chain = chain.substr(dot + 1);
  }
  return location;
}

std::string format_usb_location(const UsbLocation& location) {
  char bus[8];
  std::snprintf(bus, sizeof bus, "%03u", static_cast<unsigned>(location.bus));
  std::string out = bus;
  char sep = '-';
  for (auto port : location.ports) {
    out += sep;
    out += std::to_string(port);
    sep = '.';
  }
  return out;
}

}  // namespace cc::transport
