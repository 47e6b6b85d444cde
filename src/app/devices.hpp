#pragma once
// What the CLI and the service ask of devices, in one place: list, pick, identify.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "core/error.hpp"
#include "coldcheck/facts.pb.h"
#include "drivers/device.hpp"
#include "drivers/ledger_driver.hpp"
#include "drivers/registry.hpp"
#include "drivers/trezor_driver.hpp"
#include "drivers/trezor_session.hpp"
#include "enumerate/enumerate.hpp"
#include "transport/device_path.hpp"
#include "transport/opener.hpp"

namespace cc::app {

// How a command reaches devices: every transport through one Opener (tests count or
// script opens; a recorder wraps them), and the USB nodes the command already scanned,
// so one command scans USB once.
struct DeviceAccess {
  transport::Opener* opener = nullptr;                   // null: the system's transports
  const std::vector<enumerate::UsbNode>* usb = nullptr;  // null: scan when a USB path needs it
  const drivers::Registry* registry = nullptr;           // null: drivers::Registry::builtin()
};

struct ListOptions {
  std::vector<transport::DevicePath> emulators;  // probed, then identified
  DeviceAccess access;
};

// USB devices from the catalog plus the given emulator endpoints. Each endpoint is
// opened once: that open is its liveness probe, and the family probe and the
// identification (GetFeatures, no session reset) reuse the link.
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

// The device a command acts on and the USB scan that found it, so that opening it
// does not scan again.
struct SelectedDevice {
  transport::DevicePath path;
  std::vector<enumerate::UsbNode> usb;
  bool scanned = false;
  transport::Opener* opener = nullptr;

  DeviceAccess access() const { return DeviceAccess{opener, scanned ? &usb : nullptr, nullptr}; }
};

// `given` (parsed once by the face), else the only device found (pick_device's
// errors). Scans USB at most once: for a hid:/webusb: path or to find the device.
SelectedDevice select_device(const catalog::Catalog& catalog, const std::optional<transport::DevicePath>& given,
                             transport::Opener* opener = nullptr);

struct OpenedDevice {
  ::coldcheck::DeviceFacts facts;
  // The open device for families a driver speaks; null for identify-only devices.
  std::unique_ptr<drivers::Device> device;

  drivers::TrezorDriver* driver() const noexcept { return device ? device->as_trezor() : nullptr; }
  drivers::LedgerDriver* ledger() const noexcept { return device ? device->as_ledger() : nullptr; }
};

// Opens `path` with the driver its catalog protocol names, and identifies the device;
// errors carry the path. A udp: endpoint is opened once: the family probe's link is
// the driver's.
OpenedDevice open_device(const catalog::Catalog& catalog, const transport::DevicePath& path,
                         const drivers::SessionOptions& options = {}, const DeviceAccess& access = {});

// open_device(), keeping only the facts.
::coldcheck::DeviceFacts read_facts(const catalog::Catalog& catalog, const transport::DevicePath& path,
                                    const drivers::SessionOptions& options = {}, const DeviceAccess& access = {});

}  // namespace cc::app
