#pragma once
#include <memory>

#include "transport/device_path.hpp"
#include "transport/link.hpp"

namespace cc::transport {

// Opens a Link for any supported scheme. Errors say which cause applies:
// kNotFound (absent), kPermissionDenied, kBusy (held by another process),
// kDisconnected (emulator not answering PINGPING), kUnsupported (tcp: until Ledger lands).
std::unique_ptr<Link> open_link(const DevicePath& path);

}  // namespace cc::transport
