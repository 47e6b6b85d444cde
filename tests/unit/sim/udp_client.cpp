#include "udp_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#include "protocol/trezor/registry.hpp"

namespace cc::sim::test {

namespace {

[[noreturn]] void fail(const std::string& what) { throw std::runtime_error(what + ": " + std::strerror(errno)); }

}  // namespace

UdpClient::UdpClient(std::uint16_t port) {
  fd_ = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) fail("socket");
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(port);
  to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<const sockaddr*>(&to), sizeof(to)) != 0) fail("connect");
}

UdpClient::~UdpClient() {
  if (fd_ >= 0) ::close(fd_);
}

void UdpClient::send_raw(std::span<const std::uint8_t> datagram) {
  if (::send(fd_, datagram.data(), datagram.size(), 0) < 0) fail("send");
}

void UdpClient::send(const google::protobuf::Message& message) {
  for (const auto& p : cc::trezor::encode_message(cc::trezor::Table::kTrezor, message)) send_raw(p);
}

std::optional<std::vector<std::uint8_t>> UdpClient::receive_raw(std::chrono::milliseconds timeout) {
  pollfd pfd{fd_, POLLIN, 0};
  const int ready = ::poll(&pfd, 1, static_cast<int>(timeout.count()));
  if (ready < 0) fail("poll");
  if (ready == 0) return std::nullopt;
  std::vector<std::uint8_t> buffer(2048);
  const ssize_t n = ::recv(fd_, buffer.data(), buffer.size(), 0);
  if (n < 0) fail("recv");
  buffer.resize(static_cast<std::size_t>(n));
  return buffer;
}

std::optional<cc::trezor::Message> UdpClient::receive(std::chrono::milliseconds timeout) {
  cc::trezor::Decoder decoder;
  for (;;) {
    auto datagram = receive_raw(timeout);
    if (!datagram) return std::nullopt;
    if (decoder.feed(*datagram) == cc::trezor::Decoder::Step::kComplete) return decoder.take();
  }
}

std::unique_ptr<google::protobuf::Message> UdpClient::receive_decoded(std::chrono::milliseconds timeout) {
  auto message = receive(timeout);
  if (!message) return nullptr;
  return cc::trezor::decode_message(cc::trezor::Table::kTrezor, *message);
}

bool UdpClient::ping() {
  static constexpr std::uint8_t kPing[] = {'P', 'I', 'N', 'G', 'P', 'I', 'N', 'G'};
  send_raw(kPing);
  auto reply = receive_raw();
  return reply && std::string(reply->begin(), reply->end()) == "PONGPONG";
}

}  // namespace cc::sim::test
