#pragma once
// hidapi's process-wide state and RAII owners for its handles.
#include <hidapi/hidapi.h>

#include <memory>
#include <string>

namespace cc::transport {

// hid_init() exactly once per process, from any thread. Throws cc::Error{kIo} if it fails.
void ensure_hid_init();

// hid_error(dev) as UTF-8; dev may be nullptr for the last open/enumerate error.
std::string hid_error_text(hid_device* dev);

struct HidDeviceCloser {
  void operator()(hid_device* dev) const noexcept { hid_close(dev); }
};
using HidDevicePtr = std::unique_ptr<hid_device, HidDeviceCloser>;

struct HidEnumerationFree {
  void operator()(hid_device_info* info) const noexcept { hid_free_enumeration(info); }
};
using HidEnumerationPtr = std::unique_ptr<hid_device_info, HidEnumerationFree>;

// hidapi keeps one process-wide "last error" that opening and enumerating replace (free,
// then allocate) with no lock, so two sessions opening at once could free it twice or
// leak it. These take one lock around the call and the reading of that error.
// open_hid: the device, or null with `error` set to hidapi's words.
HidDevicePtr open_hid(const char* path, std::string& error);
HidEnumerationPtr enumerate_hid();

}  // namespace cc::transport
