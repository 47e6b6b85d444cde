#pragma once
// Which driver speaks which catalog protocol family. Opening a device is "look up its
// model's protocol, call that family's factory": no maker names, no vendor ids.
#include <functional>
#include <map>
#include <memory>

#include "catalog/catalog.hpp"
#include "drivers/device.hpp"
#include "drivers/trezor_session.hpp"
#include "transport/device_path.hpp"
#include "transport/link.hpp"
#include "transport/opener.hpp"

namespace cc::drivers {

struct OpenRequest {
  transport::DevicePath path;
  const catalog::Catalog* catalog = nullptr;
  const catalog::Model* model = nullptr;  // from the USB ids; null for an emulator endpoint
  SessionOptions options;
  transport::Opener* opener = nullptr;     // opens what `reuse` does not provide
  std::unique_ptr<transport::Link> reuse;  // a link the family probe already opened
};

using DeviceFactory = std::function<std::unique_ptr<Device>(OpenRequest&)>;

class Registry {
 public:
  void add(::coldcheck::catalog::ProtocolFamily family, DeviceFactory factory);
  bool speaks(::coldcheck::catalog::ProtocolFamily family) const noexcept;
  // Throws cc::Error{kUnsupported} for a family without a driver.
  std::unique_ptr<Device> open(::coldcheck::catalog::ProtocolFamily family, OpenRequest& request) const;

  // Trezor v1 (Trezor, KeepKey, OneKey) and Ledger APDU.
  static const Registry& builtin();

 private:
  std::map<int, DeviceFactory> factories_;
};

}  // namespace cc::drivers
