#pragma once
// A UDP socket connect()-ed to one peer. Connecting matters: the kernel then reports an
// ICMP port-unreachable as ECONNREFUSED, so "nothing is listening" is told apart from
// "the peer is silent".
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "transport/device_path.hpp"
#include "core/unique_fd.hpp"

namespace cc::transport {

class UdpSocket {
 public:
  // Throws cc::Error: kInvalidArgument (not a udp/tcp path or unusable host), kIo.
  explicit UdpSocket(const DevicePath& path);

  // Sends one datagram. Throws kDisconnected when the peer refused, kIo otherwise.
  void send(std::span<const std::uint8_t> datagram);

  // Waits until `deadline` for one datagram and copies at most out.size() bytes of it.
  // Returns the number of bytes copied, nullopt when the deadline passed first.
  // Throws kDisconnected when the peer refused, kIo otherwise.
  std::optional<std::size_t> receive(std::span<std::uint8_t> out, std::chrono::steady_clock::time_point deadline);

  const std::string& path() const noexcept { return path_; }

 private:
  [[noreturn]] void fail(const char* operation, int err) const;

  std::string path_;
  UniqueFd fd_;
};

}  // namespace cc::transport
