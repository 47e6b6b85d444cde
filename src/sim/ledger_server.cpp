#include "sim/ledger_server.hpp"

#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <vector>

#include "core/error.hpp"
#include "core/unique_fd.hpp"
#include "protocol/ledger/framing.hpp"
#include "sim/ledger_device.hpp"
#include "sim/udp_socket.hpp"

namespace cc::sim {

namespace {

constexpr std::array<std::uint8_t, 8> kPing = {'P', 'I', 'N', 'G', 'P', 'I', 'N', 'G'};
constexpr std::array<std::uint8_t, 8> kPong = {'P', 'O', 'N', 'G', 'P', 'O', 'N', 'G'};
// A real device's APDU buffer is far smaller; larger requests end the connection.
constexpr std::uint32_t kMaxRequest = 4096;
constexpr std::size_t kMaxClients = 16;
constexpr std::size_t kMaxUdpPeers = 64;
constexpr int kBindAttempts = 32;

UniqueFd listen_tcp(const std::string& host, std::uint16_t port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (const int rc = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &found); rc != 0) {
    throw Error(ErrorCode::kInvalidArgument, "tcp:" + host + ":" + service + ": " + ::gai_strerror(rc));
  }
  std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> list(found, &::freeaddrinfo);
  UniqueFd fd(::socket(found->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
  if (!fd) throw Error(ErrorCode::kIo, "tcp socket: " + std::string(std::strerror(errno)));
  const int one = 1;
  ::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (::bind(fd.get(), found->ai_addr, found->ai_addrlen) != 0 || ::listen(fd.get(), 8) != 0) {
    throw Error(ErrorCode::kIo, "tcp:" + host + ":" + service + ": " + std::strerror(errno));
  }
  return fd;
}

struct Client {
  UniqueFd fd;
  std::vector<std::uint8_t> in;
};

std::string peer_key(const Endpoint& e) { return std::string(reinterpret_cast<const char*>(&e.address), e.length); }

}  // namespace

struct LedgerServer::Impl {
  ::coldcheck::sim::LedgerDevice device;
  UdpSocket udp;
  UniqueFd tcp;
  Wakeup wakeup;
  std::vector<Client> clients;
  std::map<std::string, ledger::Decoder> peers;
  std::atomic<bool> stopping{false};

  Impl(::coldcheck::sim::LedgerDevice d, UdpSocket u, UniqueFd t)
      : device(std::move(d)), udp(std::move(u)), tcp(std::move(t)) {}

  void on_datagram(std::span<const std::uint8_t> data, const Endpoint& from) {
    if (std::equal(data.begin(), data.end(), kPing.begin(), kPing.end())) {
      udp.send_to(kPong, from);
      return;
    }
    const std::string key = peer_key(from);
    if (peers.size() >= kMaxUdpPeers && peers.find(key) == peers.end()) peers.clear();
    auto& decoder = peers.try_emplace(key, kMaxRequest).first->second;
    try {
      if (!decoder.feed(data)) return;
    } catch (const Error&) {
      // Not a Ledger report for us (another protocol's packet, a lost report): drop it,
      // as the device's HID stack would.
      decoder.reset();
      return;
    }
    const auto reply = ledger_answer(device, decoder.take());
    for (const auto& report : ledger::encode(reply)) udp.send_to(report, from);
  }

  // False when the client must be dropped.
  bool on_client_bytes(Client& c) {
    std::array<std::uint8_t, 1024> buffer{};
    while (true) {
      const ssize_t n = ::recv(c.fd.get(), buffer.data(), buffer.size(), 0);
      if (n == 0) return false;
      if (n < 0) {
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) break;
        return false;
      }
      c.in.insert(c.in.end(), buffer.begin(), buffer.begin() + n);
    }
    while (c.in.size() >= 4) {
      const std::uint32_t length =
          (std::uint32_t{c.in[0]} << 24) | (std::uint32_t{c.in[1]} << 16) | (std::uint32_t{c.in[2]} << 8) | c.in[3];
      if (length > kMaxRequest) return false;
      if (c.in.size() < 4 + length) break;
      const std::vector<std::uint8_t> apdu(c.in.begin() + 4, c.in.begin() + 4 + length);
      c.in.erase(c.in.begin(), c.in.begin() + 4 + length);
      const auto answer = ledger_answer(device, apdu);
      // Speculos: the length counts the data only; the status word follows it.
      const auto data_size = static_cast<std::uint32_t>(answer.size() - 2);
      std::vector<std::uint8_t> out{static_cast<std::uint8_t>(data_size >> 24),
                                    static_cast<std::uint8_t>(data_size >> 16),
                                    static_cast<std::uint8_t>(data_size >> 8), static_cast<std::uint8_t>(data_size)};
      out.insert(out.end(), answer.begin(), answer.end());
      // Replies are tiny; a client that does not read them is dropped, not waited for.
      if (::send(c.fd.get(), out.data(), out.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(out.size())) return false;
    }
    return true;
  }

  void run() {
    std::array<std::uint8_t, 256> buffer{};
    while (!stopping.load(std::memory_order_acquire)) {
      std::vector<pollfd> fds{{udp.fd(), POLLIN, 0}, {tcp.get(), POLLIN, 0}, {wakeup.fd(), POLLIN, 0}};
      for (const auto& c : clients) fds.push_back({c.fd.get(), POLLIN, 0});
      if (::poll(fds.data(), fds.size(), -1) < 0 && errno != EINTR) throw Error(ErrorCode::kIo, "poll failed");
      if (fds[2].revents != 0) wakeup.drain();
      if (fds[0].revents != 0) {
        for (int i = 0; i < 64; ++i) {
          Endpoint from;
          const auto n = udp.receive(buffer, from);
          if (!n) break;
          on_datagram(std::span(buffer.data(), *n), from);
        }
      }
      // Clients first: accepting may reallocate `clients` and shift the poll indexes.
      for (std::size_t i = clients.size(); i-- > 0;) {
        if (fds[3 + i].revents != 0 && !on_client_bytes(clients[i]))
          clients.erase(clients.begin() + static_cast<std::ptrdiff_t>(i));
      }
      if (fds[1].revents != 0) {
        UniqueFd fd(::accept4(tcp.get(), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC));
        if (fd && clients.size() < kMaxClients) clients.push_back(Client{std::move(fd), {}});
      }
    }
  }
};

LedgerServer::LedgerServer(::coldcheck::sim::LedgerDevice device, const std::string& host, std::uint16_t port) {
  for (int attempt = 0;; ++attempt) {
    UdpSocket udp = UdpSocket::bind(host, port);
    const std::uint16_t bound = udp.local_port();
    try {
      UniqueFd tcp = listen_tcp(host, bound);
      impl_ = std::make_unique<Impl>(std::move(device), std::move(udp), std::move(tcp));
      return;
    } catch (const Error&) {
      // An ephemeral UDP port whose TCP twin is taken: try another one.
      if (port != 0 || attempt + 1 >= kBindAttempts) throw;
    }
  }
}

LedgerServer::~LedgerServer() {
  stop();
  if (thread_.joinable()) thread_.join();
}

void LedgerServer::start() {
  if (thread_.joinable()) throw Error(ErrorCode::kInternal, "LedgerServer::start called twice");
  thread_ = std::thread([impl = impl_.get()] {
    try {
      impl->run();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "coldcheck Ledger simulator stopped: %s\n", e.what());
    }
  });
}

std::uint16_t LedgerServer::port() const noexcept {
  try {
    return impl_->udp.local_port();
  } catch (...) {
    return 0;
  }
}

void LedgerServer::run() { impl_->run(); }

void LedgerServer::stop() noexcept {
  impl_->stopping.store(true, std::memory_order_release);
  impl_->wakeup.notify();
}

}  // namespace cc::sim
