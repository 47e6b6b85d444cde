#pragma once
// The Trezor-family driver (Trezor, KeepKey, OneKey): the only code that sequences
// their device I/O.
#include <memory>
#include <string>

#include "catalog/catalog.hpp"
#include "coldcheck/facts.pb.h"
#include "drivers/trezor_session.hpp"
#include "transport/link.hpp"

namespace cc::drivers {

class TrezorDriver {
 public:
  // `table` is a first guess (from the USB vendor id); Features.vendor has the last word.
  TrezorDriver(std::unique_ptr<transport::Link> link, const catalog::Catalog& catalog,
               trezor::Table table = trezor::Table::kTrezor, SessionOptions options = {});

  TrezorSession& session() noexcept { return session_; }

  // Initialize -> Features, mapped to facts (path and emulator flag included).
  // `fresh_session`: Initialize resets the host session; GetFeatures does not, so a
  // read-only look (list) uses GetFeatures and falls back for old firmware.
  ::coldcheck::DeviceFacts identify(bool fresh_session = true);

  // Ping; returns the device's echo.
  std::string ping(const std::string& message, bool button_protection = false);

 private:
  ::coldcheck::DeviceFacts facts_from_reply(const trezor::Message& raw);

  std::unique_ptr<transport::Link> link_;
  const catalog::Catalog& catalog_;
  TrezorSession session_;
};

}  // namespace cc::drivers
