// The UDP server: moves 64-byte datagrams between clients and the Device, applying
// the scenario's fault. One thread; poll() sleeps until a datagram, a due delayed
// reply, or stop().
#include "sim/simulator.hpp"

#include <poll.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <deque>
#include <optional>
#include <thread>

#include "core/error.hpp"
#include "protocol/trezor/registry.hpp"
#include "sim/debuglink.hpp"
#include "sim/device.hpp"
#include "sim/fault.hpp"
#include "sim/ledger_server.hpp"
#include "sim/peer_table.hpp"
#include "sim/random.hpp"
#include "sim/udp_socket.hpp"

namespace cc::sim {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::array<std::uint8_t, 8> kPing = {'P', 'I', 'N', 'G', 'P', 'I', 'N', 'G'};
constexpr std::array<std::uint8_t, 8> kPong = {'P', 'O', 'N', 'G', 'P', 'O', 'N', 'G'};
// What a real device's buffer would hold; larger declared lengths are refused.
constexpr std::size_t kMaxRequestPayload = 64 * 1024;
// Datagrams handled per wake-up before timers and stop() are looked at again.
constexpr int kBatch = 64;

struct Delayed {
  Clock::time_point due;
  Endpoint to;
  std::vector<cc::trezor::Packet> packets;
};

// Tries for an ephemeral port whose successor is free too.
constexpr int kBindAttempts = 32;

struct Sockets {
  UdpSocket main;
  std::optional<UdpSocket> debug;
};

// The debug link listens on the main port + 1, as the emulator's does.
Sockets bind_sockets(const SimulatorOptions& options, bool debug_link) {
  if (!debug_link) return Sockets{UdpSocket::bind(options.host, options.port), std::nullopt};
  if (options.port != 0) {
    if (options.port == 65535) throw Error(ErrorCode::kInvalidArgument, "port 65535 leaves no port for the debug link");
    UdpSocket main = UdpSocket::bind(options.host, options.port);
    UdpSocket debug = UdpSocket::bind(options.host, static_cast<std::uint16_t>(options.port + 1));
    return Sockets{std::move(main), std::move(debug)};
  }
  for (int attempt = 0;; ++attempt) {
    UdpSocket main = UdpSocket::bind(options.host, 0);
    const std::uint16_t port = main.local_port();
    if (port != 65535) {
      try {
        UdpSocket debug = UdpSocket::bind(options.host, static_cast<std::uint16_t>(port + 1));
        return Sockets{std::move(main), std::move(debug)};
      } catch (const Error&) {
        if (attempt + 1 >= kBindAttempts) throw;
      }
    }
  }
}

}  // namespace

struct Simulator::Impl {
  Impl(Scenario s, const SimulatorOptions& options)
      : scenario(std::move(s)),
        device(scenario),
        fault(scenario.fault()),
        sockets(bind_sockets(options, scenario.debug_link() || options.debug_link)),
        peers(PeerTable::kDefaultCapacity, kMaxRequestPayload),
        debug_peers(PeerTable::kDefaultCapacity, kMaxRequestPayload) {}

  void run();
  void on_datagram(std::span<const std::uint8_t> data, const Endpoint& from);
  void on_message(const cc::trezor::Message& message, const Endpoint& from);
  void send(const google::protobuf::Message& reply, const Endpoint& to);
  void on_debug_datagram(std::span<const std::uint8_t> data, const Endpoint& from);
  void flush_due(Clock::time_point now);
  int poll_timeout_ms(Clock::time_point now) const;

  Scenario scenario;
  Device device;
  FaultPolicy fault;
  Random random;
  Sockets sockets;
  UdpSocket& socket = sockets.main;
  Wakeup wakeup;
  PeerTable peers;
  PeerTable debug_peers;
  // Where the host last spoke from: what the device says on its own (after the
  // person acted on the screen) goes there.
  std::optional<Endpoint> host;
  std::deque<Delayed> delayed;  // due times only grow: the delay is fixed
  std::atomic<bool> stopping{false};
  std::thread thread;
};

void Simulator::Impl::run() {
  std::array<std::uint8_t, cc::trezor::kPacketSize> buffer{};
  while (!stopping.load(std::memory_order_acquire)) {
    std::array<pollfd, 3> fds{pollfd{socket.fd(), POLLIN, 0}, pollfd{wakeup.fd(), POLLIN, 0},
                              pollfd{sockets.debug ? sockets.debug->fd() : -1, POLLIN, 0}};
    const int ready = ::poll(fds.data(), fds.size(), poll_timeout_ms(Clock::now()));
    if (ready < 0 && errno != EINTR) throw Error(ErrorCode::kIo, "poll failed");
    if (fds[1].revents != 0) wakeup.drain();
    if (fds[0].revents != 0) {
      for (int i = 0; i < kBatch && !stopping.load(std::memory_order_acquire); ++i) {
        Endpoint from;
        const auto n = socket.receive(buffer, from);
        if (!n) break;
        on_datagram(std::span(buffer.data(), *n), from);
      }
    }
    if (fds[2].revents != 0 && sockets.debug) {
      for (int i = 0; i < kBatch && !stopping.load(std::memory_order_acquire); ++i) {
        Endpoint from;
        const auto n = sockets.debug->receive(buffer, from);
        if (!n) break;
        on_debug_datagram(std::span(buffer.data(), *n), from);
      }
    }
    flush_due(Clock::now());
  }
}

void Simulator::Impl::on_debug_datagram(std::span<const std::uint8_t> data, const Endpoint& from) {
  if (std::equal(data.begin(), data.end(), kPing.begin(), kPing.end())) {
    sockets.debug->send_to(kPong, from);
    return;
  }
  auto& decoder = debug_peers.decoder_for(from);
  try {
    if (decoder.feed(data) != cc::trezor::Decoder::Step::kComplete) return;
  } catch (const Error&) {
    decoder.reset();
    return;
  }
  DebugOutcome outcome = device.handle_debug_wire(decoder.take());
  if (outcome.debug_reply) {
    for (const auto& p : debuglink::encode(*outcome.debug_reply)) sockets.debug->send_to(p, from);
  }
  if (outcome.device_reply && host && fault.answers_messages()) send(*outcome.device_reply, *host);
}

void Simulator::Impl::on_datagram(std::span<const std::uint8_t> data, const Endpoint& from) {
  if (std::equal(data.begin(), data.end(), kPing.begin(), kPing.end())) {
    socket.send_to(kPong, from);
    return;
  }
  auto& decoder = peers.decoder_for(from);
  try {
    if (decoder.feed(data) != cc::trezor::Decoder::Step::kComplete) return;
  } catch (const Error&) {
    // A declared length above the cap, or a broken continuation: start over.
    decoder.reset();
    if (fault.answers_messages()) {
      send(*make_failure(wire::FAILURE_UNEXPECTED_MESSAGE, "Unexpected message"), from);
    }
    return;
  }
  on_message(decoder.take(), from);
}

void Simulator::Impl::on_message(const cc::trezor::Message& message, const Endpoint& from) {
  host = from;
  Reply reply = device.handle_wire(message);
  if (reply && fault.answers_messages()) send(*reply, from);
}

void Simulator::Impl::send(const google::protobuf::Message& reply, const Endpoint& to) {
  auto packets = cc::trezor::encode_message(device.table(), reply);
  const auto type = cc::trezor::id_for(device.table(), reply.GetDescriptor());
  packets = fault.shape(type.value_or(0), std::move(packets), random);
  if (fault.reply_delay().count() > 0) {
    delayed.push_back(Delayed{Clock::now() + fault.reply_delay(), to, std::move(packets)});
    return;
  }
  for (const auto& p : packets) socket.send_to(p, to);
}

void Simulator::Impl::flush_due(Clock::time_point now) {
  while (!delayed.empty() && delayed.front().due <= now) {
    for (const auto& p : delayed.front().packets) socket.send_to(p, delayed.front().to);
    delayed.pop_front();
  }
}

int Simulator::Impl::poll_timeout_ms(Clock::time_point now) const {
  if (delayed.empty()) return -1;
  const auto wait = std::chrono::ceil<std::chrono::milliseconds>(delayed.front().due - now);
  return static_cast<int>(std::max<std::chrono::milliseconds::rep>(wait.count(), 0));
}

Simulator::Simulator(Scenario scenario, SimulatorOptions options) {
  if (scenario.has_ledger()) {
    ledger_ = std::make_unique<LedgerServer>(scenario.ledger(), options.host, options.port);
  } else {
    impl_ = std::make_unique<Impl>(std::move(scenario), options);
  }
}

Simulator::~Simulator() {
  stop();
  if (impl_ && impl_->thread.joinable()) impl_->thread.join();
}

std::uint16_t Simulator::tcp_port() const noexcept { return ledger_ ? ledger_->port() : 0; }

std::uint16_t Simulator::port() const noexcept {
  if (ledger_) return ledger_->port();
  try {
    return impl_->socket.local_port();
  } catch (...) {
    return 0;
  }
}

std::uint16_t Simulator::debug_port() const noexcept {
  if (ledger_) return 0;
  try {
    return impl_->sockets.debug ? impl_->sockets.debug->local_port() : 0;
  } catch (...) {
    return 0;
  }
}

void Simulator::run() { ledger_ ? ledger_->run() : impl_->run(); }

void Simulator::stop() noexcept {
  if (ledger_) return ledger_->stop();
  impl_->stopping.store(true, std::memory_order_release);
  impl_->wakeup.notify();
}

void Simulator::start() {
  if (ledger_) return ledger_->start();
  if (impl_->thread.joinable()) throw Error(ErrorCode::kInternal, "Simulator::start called twice");
  impl_->thread = std::thread([impl = impl_.get()] {
    try {
      impl->run();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "coldcheck simulator stopped: %s\n", e.what());
    }
  });
}

}  // namespace cc::sim
