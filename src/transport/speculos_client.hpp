#pragma once
// The Speculos (Ledger emulator) APDU socket over TCP. Request: u32 BE length, APDU.
// Reply: u32 BE length of the data, the data, then the 2-byte status word. It carries
// whole APDUs, not 64-byte reports, so it is an ApduStream, not a Link.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/unique_fd.hpp"
#include "transport/apdu_stream.hpp"
#include "transport/device_path.hpp"

namespace cc::transport {

struct SpeculosOptions {
  std::chrono::milliseconds connect_timeout{2000};
  // Speculos replies are short; a larger declared length is a broken or hostile peer.
  std::size_t max_reply = 64 * 1024;
};

class SpeculosClient final : public ApduStream {
 public:
  // Connects within options.connect_timeout. Throws cc::Error: kDisconnected (refused),
  // kTimeout (no answer to the connect), kInvalidArgument (not tcp:, bad host), kIo.
  static std::unique_ptr<SpeculosClient> open(const DevicePath& path, const SpeculosOptions& options = {});

  std::string path() const override { return path_; }

  // Sends `apdu`, waits at most `timeout` for the whole reply, returns data + SW.
  // Throws kTimeout, kDisconnected (peer closed), kMalformed (oversized length), kIo.
  std::vector<std::uint8_t> exchange(std::span<const std::uint8_t> apdu, std::chrono::milliseconds timeout) override;

  // Sees every chunk as it crosses the socket (true: sent to the device), for --record.
  using Tap = std::function<void(bool to_device, std::span<const std::uint8_t> chunk)>;
  void set_tap(Tap tap) { tap_ = std::move(tap); }

 private:
  SpeculosClient(std::string path, UniqueFd fd, std::size_t max_reply)
      : path_(std::move(path)), fd_(std::move(fd)), max_reply_(max_reply) {}
  void send_all(std::span<const std::uint8_t> bytes);
  void read_exact(std::span<std::uint8_t> out, std::chrono::steady_clock::time_point deadline, const char* what);

  std::string path_;
  UniqueFd fd_;
  std::size_t max_reply_;
  Tap tap_;
};

// True when something accepts a TCP connection at `path` within `timeout`.
bool probe_tcp(const DevicePath& path, std::chrono::milliseconds timeout);

}  // namespace cc::transport
