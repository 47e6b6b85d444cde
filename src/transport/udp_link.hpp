#pragma once
// The Trezor emulator protocol: one 64-byte report per UDP datagram, and a liveness
// probe where "PINGPING" is answered with "PONGPONG".
#include <chrono>
#include <memory>

#include "transport/device_path.hpp"
#include "transport/link.hpp"
#include "transport/udp_socket.hpp"

namespace cc::transport {

struct UdpOptions {
  int probe_tries = 3;                           // PINGPING sent this many times at most
  std::chrono::milliseconds probe_timeout{200};  // wait for PONGPONG after each one
};

class UdpLink final : public Link {
 public:
  // Connects and probes. Throws cc::Error: kDisconnected (nothing listening), kTimeout
  // (no answer to any PINGPING), kMalformed (answer was not PONGPONG), kInvalidArgument.
  static std::unique_ptr<UdpLink> open(const DevicePath& path, const UdpOptions& options = {});

  std::string path() const override { return socket_.path(); }
  void write(std::span<const std::uint8_t> report) override;
  // Datagrams of the wrong size are returned as they are (longer ones cut to out.size())
  // for the codec to judge; stray PONGPONG answers are skipped.
  std::size_t read(std::span<std::uint8_t> out, std::chrono::milliseconds timeout) override;
  // PINGPING; read() skips the PONGPONG, and a closed port fails the next read.
  void keep_alive() override;

 private:
  explicit UdpLink(const DevicePath& path) : socket_(path) {}
  void probe(const UdpOptions& options);

  UdpSocket socket_;
};

// True when an emulator at `path` answers PINGPING within `timeout` (one try).
bool probe_udp(const DevicePath& path, std::chrono::milliseconds timeout);

}  // namespace cc::transport
