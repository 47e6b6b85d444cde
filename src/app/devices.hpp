#pragma once
// What the CLI and the service ask of devices, in one place: list, pick, identify.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.hpp"
#include "core/error.hpp"
#include "coldcheck/facts.pb.h"
#include "drivers/ledger_driver.hpp"
#include "drivers/trezor_driver.hpp"
#include "drivers/trezor_session.hpp"
#include "transport/device_path.hpp"

namespace cc::app {

struct ListOptions {
  std::vector<transport::DevicePath> emulators;  // probed, then identified
};

// USB devices from the catalog plus the given emulator endpoints. Emulators that
// answer are identified with GetFeatures (no session reset).
::coldcheck::DeviceList list_devices(const catalog::Catalog& catalog, const ListOptions& options);

// The single device to act on when the user named none. Throws kNotFound when
// nothing is there, kPermissionDenied / kBusy when the only candidate cannot be
// opened, kInvalidArgument listing the paths when there are several.
std::string pick_device(const ::coldcheck::DeviceList& devices);

// The device was reached but did not answer in time: often it waits on its own screen
// for something another app asked. Still ErrorCode::kTimeout (same exit code).
class DeviceSilent : public Error {
 public:
  explicit DeviceSilent(const Error& e) : Error(e) {}
};

// Runs `identify`, turning its timeout into DeviceSilent.
template <typename F>
auto identify_or_silent(F&& identify) {
  try {
    return identify();
  } catch (const DeviceSilent&) {
    throw;
  } catch (const Error& e) {
    if (e.code() == ErrorCode::kTimeout) throw DeviceSilent(e);
    throw;
  }
}

struct OpenedDevice {
  ::coldcheck::DeviceFacts facts;
  // The open driver for families we speak; null for identify-only devices.
  std::unique_ptr<drivers::TrezorDriver> driver;
  // The open driver for Ledger devices (driver is null then).
  std::unique_ptr<drivers::LedgerDriver> ledger = nullptr;
};

// Opens `path` and identifies the device; errors carry the path.
OpenedDevice open_device(const catalog::Catalog& catalog, std::string_view path,
                         const drivers::SessionOptions& options = {});

// open_device(), keeping only the facts.
::coldcheck::DeviceFacts read_facts(const catalog::Catalog& catalog, std::string_view path,
                                    const drivers::SessionOptions& options = {});

}  // namespace cc::app
