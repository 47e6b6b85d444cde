#include "transport/hid_api.hpp"

#include <mutex>

#include "core/error.hpp"
#include "transport/wide_string.hpp"

namespace cc::transport {

void ensure_hid_init() {
  // hid_init is not thread-safe and hidapi calls it lazily from hid_open/hid_enumerate;
  // doing it once here up front removes that race.
  static const int result = hid_init();
  if (result != 0) {
    throw Error(ErrorCode::kIo, "hidapi initialisation failed: " + hid_error_text(nullptr));
  }
}

namespace {
std::mutex& global_error_mutex() {
  static std::mutex mutex;
  return mutex;
}
}  // namespace

HidDevicePtr open_hid(const char* path, std::string& error) {
  ensure_hid_init();
  const std::lock_guard lock(global_error_mutex());
  HidDevicePtr device(hid_open_path(path));
  if (!device) error = hid_error_text(nullptr);
  return device;
}

HidEnumerationPtr enumerate_hid() {
  ensure_hid_init();
  const std::lock_guard lock(global_error_mutex());
  return HidEnumerationPtr(hid_enumerate(0, 0));
}

std::string hid_error_text(hid_device* dev) {
  std::string text = to_utf8(hid_error(dev));
  return text.empty() ? "unknown hidapi error" : text;
}

}  // namespace cc::transport
