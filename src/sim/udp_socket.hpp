#pragma once
// RAII wrappers for the server's file descriptors: a UDP socket and an eventfd that
// wakes poll() when stop() is called (no periodic polling).
#include <sys/socket.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "core/unique_fd.hpp"

namespace cc::sim {

struct Endpoint {
  sockaddr_storage address{};
  socklen_t length = 0;
};

class UdpSocket {
 public:
  // Binds a non-blocking socket; port 0 asks the kernel for a free one.
  // Throws cc::Error: kInvalidArgument for a host that does not resolve, kIo otherwise.
  static UdpSocket bind(const std::string& host, std::uint16_t port);

  int fd() const noexcept { return fd_.get(); }
  std::uint16_t local_port() const;
  // One datagram into `buffer` (longer ones are cut, as the emulator's recv(64) does);
  // nullopt when none is waiting.
  std::optional<std::size_t> receive(std::span<std::uint8_t> buffer, Endpoint& from);
  // Best effort, like a USB report that nobody reads: failures are dropped.
  void send_to(std::span<const std::uint8_t> data, const Endpoint& to) noexcept;

 private:
  explicit UdpSocket(UniqueFd fd) : fd_(std::move(fd)) {}
  UniqueFd fd_;
};

class Wakeup {
 public:
  Wakeup();  // throws cc::Error{kIo}
  int fd() const noexcept { return fd_.get(); }
  void notify() noexcept;  // async-signal-safe: one write()
  void drain() noexcept;

 private:
  UniqueFd fd_;
};

}  // namespace cc::sim
