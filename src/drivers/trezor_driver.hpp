#pragma once
// The Trezor-family driver (Trezor, KeepKey, OneKey): the only code that sequences
// their device I/O.
#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>
#include <string>

#include "catalog/catalog.hpp"
#include "coldcheck/facts.pb.h"
#include "coldcheck/trezor.pb.h"
#include "drivers/device.hpp"
#include "drivers/trezor_session.hpp"
#include "transport/link.hpp"

namespace cc::drivers {

class TrezorDriver final : public Device {
 public:
  // `table` is a first guess (from the USB vendor id); Features.vendor has the last word.
  TrezorDriver(std::unique_ptr<transport::Link> link, const catalog::Catalog& catalog,
               trezor::Table table = trezor::Table::kTrezor, SessionOptions options = {});

  TrezorSession& session() noexcept { return session_; }

  ::coldcheck::catalog::ProtocolFamily protocol() const noexcept override {
    return ::coldcheck::catalog::PROTOCOL_TREZOR_V1;
  }
  std::string path() const override { return link_->path(); }
  ::coldcheck::DeviceFacts identify() override { return identify(true); }
  TrezorDriver* as_trezor() noexcept override { return this; }

  // Initialize -> Features, mapped to facts (path and emulator flag included).
  // `fresh_session`: Initialize resets the host session; GetFeatures does not, so a
  // read-only look (list) uses GetFeatures and falls back for old firmware.
  ::coldcheck::DeviceFacts identify(bool fresh_session);

  // Ping; returns the device's echo.
  std::string ping(const std::string& message, bool button_protection = false);

  struct FirmwareHashReply {
    std::vector<std::uint8_t> hash;
    std::chrono::milliseconds latency{0};  // a device faking the hash may answer too slowly
  };
  // GetFirmwareHash with `challenge` as the BLAKE2s key. Trezor table only (KeepKey's
  // id 89 is SoftReset); kUnsupported elsewhere.
  FirmwareHashReply firmware_hash(std::span<const std::uint8_t> challenge);

  // AuthenticateDevice: the secure element signs `challenge`.
  ::coldcheck::wire::trezor::AuthenticityProof authenticate(std::span<const std::uint8_t> challenge);

 private:
  ::coldcheck::DeviceFacts facts_from_reply(const trezor::Message& raw);

  std::unique_ptr<transport::Link> link_;
  const catalog::Catalog& catalog_;
  TrezorSession session_;
};

}  // namespace cc::drivers
