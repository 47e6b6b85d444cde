#pragma once
// How the Ledger driver exchanges APDUs, whatever carries them: HID framing over a
// report Link (hid: on USB, udp: to our simulator), or the Speculos TCP socket.
#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "protocol/ledger/apdu.hpp"
#include "transport/device_path.hpp"
#include "transport/link.hpp"
#include "transport/apdu_pipe.hpp"

namespace cc::drivers {

class ApduChannel {
 public:
  virtual ~ApduChannel() = default;
  virtual std::string path() const = 0;
  // One APDU out, one reply (data + status word) back within `timeout`.
  virtual ledger::Reply exchange(std::span<const std::uint8_t> apdu, std::chrono::milliseconds timeout) = 0;
};

// Ledger HID framing over 64-byte reports.
class HidApduChannel final : public ApduChannel {
 public:
  explicit HidApduChannel(std::unique_ptr<transport::Link> link) : link_(std::move(link)) {}
  std::string path() const override { return link_->path(); }
  ledger::Reply exchange(std::span<const std::uint8_t> apdu, std::chrono::milliseconds timeout) override;

 private:
  std::unique_ptr<transport::Link> link_;
};

class SpeculosApduChannel final : public ApduChannel {
 public:
  explicit SpeculosApduChannel(std::unique_ptr<transport::ApduPipe> client) : client_(std::move(client)) {}
  std::string path() const override { return client_->path(); }
  ledger::Reply exchange(std::span<const std::uint8_t> apdu, std::chrono::milliseconds timeout) override;

 private:
  std::unique_ptr<transport::ApduPipe> client_;
};

// tcp: -> Speculos; hid:/udp: -> HID framing over open_link(); replay: -> as recorded.
std::unique_ptr<ApduChannel> open_apdu_channel(const transport::DevicePath& path);

}  // namespace cc::drivers
