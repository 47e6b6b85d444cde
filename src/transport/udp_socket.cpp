#include "transport/udp_socket.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>

#include "core/error.hpp"

namespace cc::transport {
namespace {

using Clock = std::chrono::steady_clock;

// Milliseconds left until `deadline`, rounded up so poll never wakes just before it.
int poll_timeout_ms(Clock::time_point deadline) {
  const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(left, 0, INT_MAX));
}

}  // namespace

UdpSocket::UdpSocket(const DevicePath& device) : path_(device.to_string()) {
  if (device.scheme != Scheme::kUdp && device.scheme != Scheme::kTcp) {
    throw Error(ErrorCode::kInvalidArgument, path_ + ": not a udp: path");
  }
  sockaddr_storage addr{};
  socklen_t addr_len = 0;
  // The emulator binds IPv4 loopback, so "localhost" means 127.0.0.1 and needs no resolver.
  const std::string host = device.target == "localhost" ? "127.0.0.1" : device.target;
  auto* v4 = reinterpret_cast<sockaddr_in*>(&addr);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&addr);
  if (inet_pton(AF_INET, host.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(device.port);
    addr_len = sizeof(sockaddr_in);
  } else if (inet_pton(AF_INET6, host.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(device.port);
    addr_len = sizeof(sockaddr_in6);
  } else {
    throw Error(ErrorCode::kInvalidArgument, path_ + ": host '" + device.target + "' is not an IP address");
  }
  if (device.port == 0) throw Error(ErrorCode::kInvalidArgument, path_ + ": port 0 is not valid");

  fd_.reset(::socket(addr.ss_family, SOCK_DGRAM | SOCK_CLOEXEC, 0));
  if (!fd_) fail("socket", errno);
  if (::connect(fd_.get(), reinterpret_cast<const sockaddr*>(&addr), addr_len) != 0) {
    fail("connect", errno);
  }
}

void UdpSocket::fail(const char* operation, int err) const {
  if (err == ECONNREFUSED) {
    throw Error(ErrorCode::kDisconnected,
                path_ + ": nothing is listening (connection refused); is the emulator running?");
  }
  throw Error(ErrorCode::kIo, path_ + ": " + operation + " failed: " + std::strerror(err));
}

void UdpSocket::send(std::span<const std::uint8_t> datagram) {
  while (true) {
    const ssize_t sent = ::send(fd_.get(), datagram.data(), datagram.size(), MSG_NOSIGNAL);
    if (sent >= 0) {
      if (static_cast<std::size_t>(sent) != datagram.size()) {
        throw Error(ErrorCode::kIo, path_ + ": short send of " + std::to_string(sent) + " bytes");
      }
      return;
    }
    if (errno != EINTR) fail("send", errno);
  }
}

std::optional<std::size_t> UdpSocket::receive(std::span<std::uint8_t> out,
                                              Clock::time_point deadline) {
  while (true) {
    pollfd pfd{fd_.get(), POLLIN, 0};
    const int ready = ::poll(&pfd, 1, poll_timeout_ms(deadline));
    if (ready < 0) {
      if (errno == EINTR) continue;  // the loop recomputes the time left
      fail("poll", errno);
    }
    if (ready == 0) {
      if (Clock::now() >= deadline) return std::nullopt;
      continue;
    }
    // MSG_TRUNC makes recv return the real datagram size; we copy what fits.
    const ssize_t got = ::recv(fd_.get(), out.data(), out.size(), MSG_DONTWAIT | MSG_TRUNC);
    if (got >= 0) return std::min(static_cast<std::size_t>(got), out.size());
    if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
    fail("recv", errno);
  }
}

}  // namespace cc::transport
