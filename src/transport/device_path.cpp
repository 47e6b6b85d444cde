#include "transport/device_path.hpp"

#include <arpa/inet.h>

#include <charconv>
#include <cstdio>

#include "core/error.hpp"
#include "transport/usb_location.hpp"

namespace cc::transport {
namespace {

constexpr std::string_view kValidSchemes = "hid:, webusb:, udp:, tcp:, replay:";

// The user's text, with control characters escaped so the message stays on one line.
std::string printable(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", static_cast<unsigned>(byte));
      out += escaped;
    } else {
      out += c;
    }
  }
  return out;
}

[[noreturn]] void fail(std::string_view text, std::string_view reason) {
  throw Error(ErrorCode::kInvalidArgument, "invalid device path '" + printable(text) + "': " + std::string(reason));
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::uint16_t parse_port(std::string_view text, std::string_view port) {
  if (!all_digits(port)) fail(text, "port '" + std::string(port) + "' is not a number");
  unsigned value = 0;
  const bool parsed =
      port.size() <= 5 && std::from_chars(port.data(), port.data() + port.size(), value).ec == std::errc{};
  if (!parsed || value == 0 || value > 65535) {
    fail(text, "port " + std::string(port) + " is out of range 1..65535");
  }
  return static_cast<std::uint16_t>(value);
}

bool is_ipv4(const std::string& host) {
  in_addr addr{};
  return inet_pton(AF_INET, host.c_str(), &addr) == 1;
}

bool is_ipv6(const std::string& host) {
  in6_addr addr{};
  return inet_pton(AF_INET6, host.c_str(), &addr) == 1;
}

// "<host>:<port>" where host is IPv4, localhost or [IPv6]. The host is stored unbracketed.
DevicePath parse_socket(std::string_view text, Scheme scheme, std::string_view rest) {
  if (rest.empty()) fail(text, "expected <host>:<port>");
  std::string host;
  std::string_view port;
  if (rest.front() == '[') {
    const auto close = rest.find(']');
    if (close == std::string_view::npos) fail(text, "missing ']' after IPv6 address");
    host = std::string(rest.substr(1, close - 1));
    if (!is_ipv6(host)) fail(text, "'" + host + "' is not an IPv6 address");
    const auto after = rest.substr(close + 1);
    if (after.empty() || after.front() != ':') fail(text, "expected ':<port>' after ']'");
    port = after.substr(1);
  } else {
    const auto colon = rest.rfind(':');
    if (colon == std::string_view::npos) fail(text, "missing ':<port>'");
    host = std::string(rest.substr(0, colon));
    port = rest.substr(colon + 1);
    if (host.find(':') != std::string::npos) {
      fail(text, "an IPv6 host must be in brackets, e.g. [::1]:21324");
    }
    if (host.empty()) fail(text, "missing host before ':'");
    if (host != "localhost" && !is_ipv4(host)) {
      fail(text, "host '" + host + "' must be an IPv4 address, localhost or [IPv6]");
    }
  }
  if (port.empty()) fail(text, "missing port after ':'");
  return DevicePath{scheme, host, parse_port(text, port)};
}

DevicePath parse_webusb(std::string_view text, std::string_view rest) {
  try {
    return DevicePath{Scheme::kWebUsb, format_usb_location(parse_usb_location(rest)), 0};
  } catch (const Error& e) {
    fail(text, e.what());
  }
}

DevicePath parse_hid(std::string_view text, std::string_view rest) {
  if (rest.empty()) fail(text, "expected a hidraw path after 'hid:', e.g. hid:/dev/hidraw0");
  for (char c : rest) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      fail(text, "the hid path contains a control character");
    }
  }
  return DevicePath{Scheme::kHid, std::string(rest), 0};
}

DevicePath parse_replay(std::string_view text, std::string_view rest) {
  if (rest.empty()) fail(text, "expected a transcript file after 'replay:', e.g. replay:session.jsonl");
  for (char c : rest) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) fail(text, "the file name contains a control character");
  }
  return DevicePath{Scheme::kReplay, std::string(rest), 0};
}

}  // namespace

std::string DevicePath::to_string() const {
  switch (scheme) {
    case Scheme::kHid: return "hid:" + target;
    case Scheme::kWebUsb: return "webusb:" + target;
    case Scheme::kReplay: return "replay:" + target;
    case Scheme::kUdp:
    case Scheme::kTcp: {
      const std::string host = target.find(':') != std::string::npos ? "[" + target + "]" : target;
      return std::string(scheme == Scheme::kUdp ? "udp:" : "tcp:") + host + ":" + std::to_string(port);
    }
  }
  return target;
}

DevicePath parse_device_path(std::string_view text) {
  const auto colon = text.find(':');
  if (text.empty()) fail(text, "empty; expected one of " + std::string(kValidSchemes));
  if (colon == std::string_view::npos) {
    fail(text, "missing scheme; expected one of " + std::string(kValidSchemes));
  }
  const auto scheme = text.substr(0, colon);
  const auto rest = text.substr(colon + 1);
  if (scheme == "hid") return parse_hid(text, rest);
  if (scheme == "webusb") return parse_webusb(text, rest);
  if (scheme == "udp") return parse_socket(text, Scheme::kUdp, rest);
  if (scheme == "tcp") return parse_socket(text, Scheme::kTcp, rest);
  if (scheme == "replay") return parse_replay(text, rest);
  fail(text, "unknown scheme '" + std::string(scheme) + "'; expected one of " + std::string(kValidSchemes));
}

}  // namespace cc::transport
