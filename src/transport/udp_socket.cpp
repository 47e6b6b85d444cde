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
#include "transport/socket_address.hpp"

namespace cc::transport {
namespace {

using Clock = std::chrono::steady_clock;

}  // namespace

UdpSocket::UdpSocket(const DevicePath& device) : path_(device.to_string()) {
  if (device.scheme != Scheme::kUdp && device.scheme != Scheme::kTcp) {
    throw Error(ErrorCode::kInvalidArgument, path_ + ": not a udp: path");
  }
  const SocketAddress addr = socket_address(device, path_);
  fd_.reset(::socket(addr.family(), SOCK_DGRAM | SOCK_CLOEXEC, 0));
  if (!fd_) fail("socket", errno);
  if (::connect(fd_.get(), addr.get(), addr.length) != 0) {
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

std::optional<std::size_t> UdpSocket::receive(std::span<std::uint8_t> out, Clock::time_point deadline) {
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
