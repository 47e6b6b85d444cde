#include "transport/udp_link.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "core/error.hpp"

namespace cc::transport {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::string_view kPing = "PINGPING";
constexpr std::string_view kPong = "PONGPONG";

std::span<const std::uint8_t> as_bytes(std::string_view text) {
  return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

bool is_pong(std::span<const std::uint8_t> datagram) {
  const auto pong = as_bytes(kPong);
  return std::equal(datagram.begin(), datagram.end(), pong.begin(), pong.end());
}

}  // namespace

std::unique_ptr<UdpLink> UdpLink::open(const DevicePath& path, const UdpOptions& options) {
  if (path.scheme != Scheme::kUdp) {
    throw Error(ErrorCode::kInvalidArgument, path.to_string() + ": not a udp: path");
  }
  std::unique_ptr<UdpLink> link(new UdpLink(path));
  link->probe(options);
  return link;
}

void UdpLink::probe(const UdpOptions& options) {
  const int tries = std::max(1, options.probe_tries);
  std::array<std::uint8_t, kReportSize> reply{};
  for (int attempt = 0; attempt < tries; ++attempt) {
    socket_.send(as_bytes(kPing));
    const auto got = socket_.receive(reply, Clock::now() + options.probe_timeout);
    if (!got) continue;
    if (is_pong(std::span(reply).first(*got))) return;
    throw Error(ErrorCode::kMalformed, path() + ": not a Trezor emulator (answered PINGPING with " +
                                           std::to_string(*got) + " bytes that are not PONGPONG)");
  }
  throw Error(ErrorCode::kTimeout, path() + ": no answer to PINGPING after " + std::to_string(tries) + " tries of " +
                                       std::to_string(options.probe_timeout.count()) + " ms; is the emulator running?");
}

void UdpLink::write(std::span<const std::uint8_t> report) {
  if (report.size() != kReportSize) {
    throw Error(ErrorCode::kInvalidArgument, path() + ": report of " + std::to_string(report.size()) +
                                                 " bytes, expected " + std::to_string(kReportSize));
  }
  socket_.send(report);
}

std::size_t UdpLink::read(std::span<std::uint8_t> out, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + std::max(timeout, std::chrono::milliseconds(0));
  while (true) {
    const auto got = socket_.receive(out, deadline);
    if (!got) {
      throw Error(ErrorCode::kTimeout, path() + ": no report within " + std::to_string(timeout.count()) + " ms");
    }
    // A late answer to an earlier probe; reports are never 8 bytes long.
    if (is_pong(out.first(*got))) continue;
    return *got;
  }
}

void UdpLink::keep_alive() { socket_.send(as_bytes(kPing)); }

bool probe_udp(const DevicePath& path, std::chrono::milliseconds timeout) {
  try {
    UdpLink::open(path, UdpOptions{1, timeout});
    return true;
  } catch (const Error&) {
    return false;
  }
}

}  // namespace cc::transport
