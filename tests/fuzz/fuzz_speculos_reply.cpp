// Arbitrary bytes from a Speculos peer over TCP (length-prefixed APDU replies): the
// client must return a bounded reply or a cc::Error, never crash, over-allocate or
// wait past its timeout. A real loopback socket: the bytes are queued before the
// exchange reads them, so one thread is enough.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>

#include "core/error.hpp"
#include "core/unique_fd.hpp"
#include "transport/device_path.hpp"
#include "transport/speculos_client.hpp"

namespace {

struct Listener {
  cc::UniqueFd fd;
  std::uint16_t port = 0;
};

const Listener& listener() {
  static const Listener l = [] {
    Listener out;
    out.fd = cc::UniqueFd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (::bind(out.fd.get(), reinterpret_cast<sockaddr*>(&addr), len) != 0 || ::listen(out.fd.get(), 4) != 0 ||
        ::getsockname(out.fd.get(), reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
      __builtin_trap();
    }
    out.port = ntohs(addr.sin_port);
    return out;
  }();
  return l;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 60000) return 0;  // stays inside the socket buffers
  const auto& l = listener();
  const auto path = cc::transport::parse_device_path("tcp:127.0.0.1:" + std::to_string(l.port));
  cc::transport::SpeculosOptions options;
  options.max_reply = 4096;
  auto client = cc::transport::SpeculosClient::open(path, options);
  cc::UniqueFd peer(::accept4(l.fd.get(), nullptr, nullptr, SOCK_CLOEXEC));
  if (!peer) __builtin_trap();
  std::size_t sent = 0;
  while (sent < size) {
    const ssize_t n = ::send(peer.get(), data + sent, size - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  ::shutdown(peer.get(), SHUT_WR);
  const std::uint8_t apdu[] = {0xB0, 0x01, 0x00, 0x00, 0x00};
  try {
    const auto reply = client->exchange(apdu, std::chrono::milliseconds(20));
    if (reply.size() > options.max_reply + 2) __builtin_trap();
  } catch (const cc::Error&) {
  }
  return 0;
}
