#include "sim/udp_socket.hpp"

#include <netdb.h>
#include <netinet/in.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <utility>

#include "core/error.hpp"

namespace cc::sim {

namespace {

[[noreturn]] void throw_errno(const std::string& what) {
  throw Error(ErrorCode::kIo, what + ": " + std::strerror(errno));
}

}  // namespace

UdpSocket UdpSocket::bind(const std::string& host, std::uint16_t port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_DGRAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (const int rc = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &found); rc != 0) {
    throw Error(ErrorCode::kInvalidArgument, "udp:" + host + ":" + service + ": " + ::gai_strerror(rc));
  }
  std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> list(found, &::freeaddrinfo);
  const std::string where = "udp:" + host + ":" + service;
  UniqueFd fd(::socket(found->ai_family, found->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, found->ai_protocol));
  if (fd.get() < 0) throw_errno(where + ": socket");
  if (::bind(fd.get(), found->ai_addr, found->ai_addrlen) != 0) throw_errno(where + ": bind");
  return UdpSocket(std::move(fd));
}

std::uint16_t UdpSocket::local_port() const {
  sockaddr_storage address{};
  socklen_t length = sizeof(address);
  if (::getsockname(fd_.get(), reinterpret_cast<sockaddr*>(&address), &length) != 0) throw_errno("getsockname");
  if (address.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port);
  return ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port);
}

std::optional<std::size_t> UdpSocket::receive(std::span<std::uint8_t> buffer, Endpoint& from) {
  for (;;) {
    from.length = sizeof(from.address);
    const ssize_t n = ::recvfrom(fd_.get(), buffer.data(), buffer.size(), 0, reinterpret_cast<sockaddr*>(&from.address),
                                 &from.length);
    if (n >= 0) return static_cast<std::size_t>(n);
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) return std::nullopt;
    // ICMP errors reported on the socket (e.g. a client that went away) are not ours.
    if (errno == ECONNREFUSED) continue;
    throw_errno("recvfrom");
  }
}

void UdpSocket::send_to(std::span<const std::uint8_t> data, const Endpoint& to) noexcept {
  while (::sendto(fd_.get(), data.data(), data.size(), 0, reinterpret_cast<const sockaddr*>(&to.address), to.length) <
             0 &&
         errno == EINTR) {
  }
}

Wakeup::Wakeup() : fd_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {
  if (fd_.get() < 0) throw_errno("eventfd");
}

void Wakeup::notify() noexcept {
  const std::uint64_t one = 1;
  [[maybe_unused]] const ssize_t n = ::write(fd_.get(), &one, sizeof(one));
}

void Wakeup::drain() noexcept {
  std::uint64_t count = 0;
  [[maybe_unused]] const ssize_t n = ::read(fd_.get(), &count, sizeof(count));
}

}  // namespace cc::sim
