#pragma once
// libusb's shared context and RAII owners for its handles.
#include <libusb-1.0/libusb.h>

#include <memory>
#include <string>

#include "core/error.hpp"

namespace cc::transport {

// The process-wide libusb context, created on first use from any thread. Throws
// cc::Error{kNotFound} "no USB bus ..." when libusb cannot start (no usbfs, containers).
libusb_context* usb_context();

// "LIBUSB_ERROR_ACCESS (Access denied (insufficient permissions))".
std::string usb_error_text(int code);

// Maps a libusb error code to cc::Error for `path` doing `operation`: TIMEOUT is
// kTimeout; NO_DEVICE, PIPE and IO mean the device went away (kDisconnected).
Error usb_error(int code, const std::string& path, const std::string& operation);

struct UsbHandleCloser {
  void operator()(libusb_device_handle* handle) const noexcept { libusb_close(handle); }
};
using UsbHandlePtr = std::unique_ptr<libusb_device_handle, UsbHandleCloser>;

struct UsbConfigFree {
  void operator()(libusb_config_descriptor* config) const noexcept { libusb_free_config_descriptor(config); }
};
using UsbConfigPtr = std::unique_ptr<libusb_config_descriptor, UsbConfigFree>;

// libusb_get_device_list / libusb_free_device_list(list, unref = 1).
class UsbDeviceList {
 public:
  explicit UsbDeviceList(libusb_context* context);
  ~UsbDeviceList();
  UsbDeviceList(const UsbDeviceList&) = delete;
  UsbDeviceList& operator=(const UsbDeviceList&) = delete;

  libusb_device* const* begin() const noexcept { return list_; }
  libusb_device* const* end() const noexcept { return list_ + size_; }

 private:
  libusb_device** list_ = nullptr;
  std::size_t size_ = 0;
};

// The usbfs node of a device, "/dev/bus/usb/001/005", for permission messages.
std::string usb_node_path(libusb_device* device);

}  // namespace cc::transport
