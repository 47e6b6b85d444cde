#pragma once
// The Ledger driver: the only code that sequences Ledger device I/O.
#include <chrono>
#include <memory>

#include "catalog/catalog.hpp"
#include "coldcheck/facts.pb.h"
#include "drivers/apdu_channel.hpp"
#include "drivers/device.hpp"

namespace cc::drivers {

class LedgerDriver final : public Device {
 public:
  LedgerDriver(std::unique_ptr<ApduChannel> channel, const catalog::Catalog& catalog,
               std::chrono::milliseconds reply_timeout = std::chrono::milliseconds(5000));

  // GET APP AND VERSION, then GET VERSION where the screen answers it. A locked device
  // or an open app is a normal result (facts say so), not an error.
  ::coldcheck::DeviceFacts identify() override;

  ::coldcheck::catalog::ProtocolFamily protocol() const noexcept override {
    return ::coldcheck::catalog::PROTOCOL_LEDGER_APDU;
  }
  std::string path() const override { return channel_->path(); }
  LedgerDriver* as_ledger() noexcept override { return this; }

  ApduChannel& channel() noexcept { return *channel_; }

 private:
  std::unique_ptr<ApduChannel> channel_;
  const catalog::Catalog& catalog_;
  std::chrono::milliseconds timeout_;
};

// The catalog model whose ledger_target_ids holds `target_id`, or nullptr.
const catalog::Model* find_ledger_model(const catalog::Catalog& catalog, std::uint32_t target_id);

// Pure: facts from the parsed replies (for tests and the driver).
void apply_version(::coldcheck::DeviceFacts& facts, const ledger::VersionInfo& info, const catalog::Catalog& catalog);
void apply_app(::coldcheck::DeviceFacts& facts, const ledger::AppInfo& app);

}  // namespace cc::drivers
