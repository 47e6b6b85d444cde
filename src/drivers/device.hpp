#pragma once
// One open device of any family we speak. The registry (drivers/registry.hpp) makes
// them, keyed by the catalog's protocol family; what a family can do beyond
// identifying itself lives on its own driver, reached through as_trezor()/as_ledger().
#include <string>

#include "coldcheck/catalog.pb.h"
#include "coldcheck/facts.pb.h"

namespace cc::drivers {

class TrezorDriver;
class LedgerDriver;

class Device {
 public:
  virtual ~Device() = default;
  Device() = default;
  Device(const Device&) = delete;
  Device& operator=(const Device&) = delete;

  virtual ::coldcheck::catalog::ProtocolFamily protocol() const noexcept = 0;
  virtual std::string path() const = 0;
  // Reads what the device says about itself, mapped to vendor-neutral facts.
  virtual ::coldcheck::DeviceFacts identify() = 0;

  virtual TrezorDriver* as_trezor() noexcept { return nullptr; }
  virtual LedgerDriver* as_ledger() noexcept { return nullptr; }
};

}  // namespace cc::drivers
