#pragma once
#include <memory>

#include "transport/device_path.hpp"
#include "transport/link.hpp"

namespace cc::transport {

// Opens a Link for any supported scheme. Errors say which cause applies:
// kNotFound (absent), kPermissionDenied, kBusy (held by another process),
// kDisconnected (nothing listening on a udp: port), kTimeout (emulator silent to
// PINGPING), kMalformed (not an emulator). tcp: (Speculos) has no reports: see SpeculosClient.
std::unique_ptr<Link> open_link(const DevicePath& path);

}  // namespace cc::transport
