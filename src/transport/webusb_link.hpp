#pragma once
// WebUSB (vendor-class interface) through libusb: configuration 1, interface 0,
// interrupt endpoints 0x01 OUT / 0x81 IN, 64-byte reports.
#include <chrono>
#include <memory>

#include "transport/device_path.hpp"
#include "transport/link.hpp"
#include "transport/usb_context.hpp"

namespace cc::transport {

// Holds a claimed interface; released before the handle closes (member order).
class InterfaceClaim {
 public:
  InterfaceClaim(libusb_device_handle* handle, int number) noexcept : handle_(handle), number_(number) {}
  ~InterfaceClaim() { libusb_release_interface(handle_, number_); }
  InterfaceClaim(const InterfaceClaim&) = delete;
  InterfaceClaim& operator=(const InterfaceClaim&) = delete;

 private:
  libusb_device_handle* handle_;
  int number_;
};

struct WebUsbOptions {
  std::chrono::milliseconds write_timeout{5000};
};

class WebUsbLink final : public Link {
 public:
  // Throws cc::Error: kNotFound (no device there, or no USB bus), kPermissionDenied,
  // kBusy (interface claimed by another program), kIo.
  static std::unique_ptr<WebUsbLink> open(const DevicePath& path, const WebUsbOptions& options = {});

  std::string path() const override { return path_; }
  void write(std::span<const std::uint8_t> report) override;
  std::size_t read(std::span<std::uint8_t> out, std::chrono::milliseconds timeout) override;

 private:
  WebUsbLink(std::string path, UsbHandlePtr handle, const WebUsbOptions& options);

  std::string path_;
  WebUsbOptions options_;
  UsbHandlePtr handle_;
  std::unique_ptr<InterfaceClaim> claim_;  // declared after handle_: destroyed first
};

}  // namespace cc::transport
