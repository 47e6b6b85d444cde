#include "transport/usb_context.hpp"

#include <cstdio>

#include "core/error.hpp"

namespace cc::transport {
namespace {

class SharedContext {
 public:
  SharedContext() : status_(libusb_init(&context_)) {}
  ~SharedContext() {
    if (status_ == 0) libusb_exit(context_);
  }
  SharedContext(const SharedContext&) = delete;
  SharedContext& operator=(const SharedContext&) = delete;

  libusb_context* get() const {
    if (status_ != 0) {
      throw Error(ErrorCode::kNotFound,
                  "no USB bus available on this machine (libusb_init: " + usb_error_text(status_) + ")");
    }
    return context_;
  }

 private:
  libusb_context* context_ = nullptr;
  int status_;
};

}  // namespace

libusb_context* usb_context() {
  static SharedContext shared;  // C++ guarantees thread-safe one-time construction
  return shared.get();
}

std::string usb_error_text(int code) {
  return std::string(libusb_error_name(code)) + " (" + libusb_strerror(code) + ")";
}

Error usb_error(int code, const std::string& path, const std::string& operation) {
  const std::string what = path + ": " + operation + " failed: " + usb_error_text(code);
  switch (code) {
    case LIBUSB_ERROR_TIMEOUT: return Error(ErrorCode::kTimeout, what);
    case LIBUSB_ERROR_NO_DEVICE:
    case LIBUSB_ERROR_PIPE:
    case LIBUSB_ERROR_IO: return Error(ErrorCode::kDisconnected, what);
    case LIBUSB_ERROR_ACCESS: return Error(ErrorCode::kPermissionDenied, what);
    case LIBUSB_ERROR_BUSY: return Error(ErrorCode::kBusy, what);
    case LIBUSB_ERROR_NOT_FOUND: return Error(ErrorCode::kNotFound, what);
    case LIBUSB_ERROR_OVERFLOW: return Error(ErrorCode::kMalformed, what);
    default: return Error(ErrorCode::kIo, what);
  }
}

UsbDeviceList::UsbDeviceList(libusb_context* context) {
  const ssize_t count = libusb_get_device_list(context, &list_);
  if (count < 0) {
    throw Error(ErrorCode::kIo, "listing USB devices failed: " + usb_error_text(static_cast<int>(count)));
  }
  size_ = static_cast<std::size_t>(count);
}

UsbDeviceList::~UsbDeviceList() {
  if (list_ != nullptr) libusb_free_device_list(list_, 1);
}

std::string usb_node_path(libusb_device* device) {
  char node[64];
  std::snprintf(node, sizeof node, "/dev/bus/usb/%03u/%03u", static_cast<unsigned>(libusb_get_bus_number(device)),
                static_cast<unsigned>(libusb_get_device_address(device)));
  return node;
}

}  // namespace cc::transport
