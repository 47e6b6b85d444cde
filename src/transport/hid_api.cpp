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

std::string hid_error_text(hid_device* dev) {
  std::string text = to_utf8(hid_error(dev));
  return text.empty() ? "unknown hidapi error" : text;
}

}  // namespace cc::transport
