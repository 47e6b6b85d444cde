#pragma once
// What the emulator transports (udp:, tcp:) share: the peer address of a device path
// (a literal IP; "localhost" is 127.0.0.1, as the emulators bind IPv4 loopback) and
// poll() timeouts from a deadline.
#include <sys/socket.h>

#include <chrono>
#include <string>

#include "transport/device_path.hpp"

namespace cc::transport {

struct SocketAddress {
  sockaddr_storage storage{};
  socklen_t length = 0;
  const sockaddr* get() const noexcept { return reinterpret_cast<const sockaddr*>(&storage); }
  int family() const noexcept { return storage.ss_family; }
};

// Throws cc::Error{kInvalidArgument} naming `path` for port 0 or a host that is not an IP.
SocketAddress socket_address(const DevicePath& device, const std::string& path);

// Milliseconds left until `deadline` for poll(), rounded up so it never wakes just before.
int poll_timeout_ms(std::chrono::steady_clock::time_point deadline);

}  // namespace cc::transport
