#include "transport/webusb_link.hpp"

#include <algorithm>
#include <array>
#include <climits>

#include "core/error.hpp"
#include "transport/node_access.hpp"
#include "transport/usb_location.hpp"

namespace cc::transport {
namespace {

constexpr int kConfiguration = 1;
constexpr int kInterface = 0;
constexpr unsigned char kEndpointOut = 0x01;
constexpr unsigned char kEndpointIn = 0x81;

UsbLocation location_of(libusb_device* device) {
  std::array<std::uint8_t, kMaxPortDepth> ports{};
  const int depth = libusb_get_port_numbers(device, ports.data(), static_cast<int>(ports.size()));
  UsbLocation location;
  location.bus = libusb_get_bus_number(device);
  if (depth > 0) location.ports.assign(ports.begin(), ports.begin() + depth);
  return location;
}

// libusb takes 0 as "wait forever"; a zero wait must still be bounded.
unsigned int transfer_timeout(std::chrono::milliseconds timeout) {
  return static_cast<unsigned int>(std::clamp<long long>(timeout.count(), 1, INT_MAX));
}

}  // namespace

WebUsbLink::WebUsbLink(std::string path, UsbHandlePtr handle, const WebUsbOptions& options)
    : path_(std::move(path)), options_(options), handle_(std::move(handle)) {}

std::unique_ptr<WebUsbLink> WebUsbLink::open(const DevicePath& path, const WebUsbOptions& options) {
  const std::string shown = path.to_string();
  if (path.scheme != Scheme::kWebUsb) {
    throw Error(ErrorCode::kInvalidArgument, shown + ": not a webusb: path");
  }
  UsbLocation wanted;
  libusb_context* context = nullptr;
  try {
    wanted = parse_usb_location(path.target);
    context = usb_context();
  } catch (const Error& e) {
    throw e.with_context(shown);
  }

  UsbHandlePtr handle;
  {
    UsbDeviceList devices(context);
    const auto found = std::find_if(devices.begin(), devices.end(),
                                    [&](libusb_device* device) { return location_of(device) == wanted; });
    if (found == devices.end()) {
      throw Error(ErrorCode::kNotFound,
                  "no such device: " + shown + " (nothing plugged in at that port); " + std::string(kDevicePathHint));
    }
    libusb_device_handle* raw = nullptr;
    const int rc = libusb_open(*found, &raw);
    if (rc == LIBUSB_ERROR_ACCESS) {
      throw Error(ErrorCode::kPermissionDenied, "permission denied: " + shown + " (" +
                                                    describe_node(usb_node_path(*found)) +
                                                    "); install the coldcheck udev rules or join the owning group");
    }
    if (rc == LIBUSB_ERROR_NO_DEVICE) {
      throw Error(ErrorCode::kNotFound, "no such device: " + shown + " (unplugged while opening)");
    }
    if (rc != 0) throw usb_error(rc, shown, "open");
    handle.reset(raw);
  }

  // Setting the configuration resets the device's state; skip it when already active.
  int active = 0;
  int rc = libusb_get_configuration(handle.get(), &active);
  if (rc != 0) throw usb_error(rc, shown, "get configuration");
  if (active != kConfiguration) {
    rc = libusb_set_configuration(handle.get(), kConfiguration);
    if (rc == LIBUSB_ERROR_BUSY) {
      throw Error(ErrorCode::kBusy, shown + ": cannot set configuration, device claimed by another program");
    }
    if (rc != 0) throw usb_error(rc, shown, "set configuration");
  }
  rc = libusb_claim_interface(handle.get(), kInterface);
  if (rc == LIBUSB_ERROR_BUSY) {
    throw Error(ErrorCode::kBusy,
                shown + ": interface 0 is claimed by another program (a wallet app, trezord or a browser tab?)");
  }
  if (rc != 0) throw usb_error(rc, shown, "claim interface");

  std::unique_ptr<WebUsbLink> link(new WebUsbLink(shown, std::move(handle), options));
  link->claim_ = std::make_unique<InterfaceClaim>(link->handle_.get(), kInterface);
  return link;
}

void WebUsbLink::write(std::span<const std::uint8_t> report) {
  if (report.size() != kReportSize) {
    throw Error(ErrorCode::kInvalidArgument, path_ + ": report of " + std::to_string(report.size()) +
                                                 " bytes, expected " + std::to_string(kReportSize));
  }
  std::array<std::uint8_t, kReportSize> buffer{};
  std::copy(report.begin(), report.end(), buffer.begin());
  int sent = 0;
  const int rc = libusb_interrupt_transfer(handle_.get(), kEndpointOut, buffer.data(), static_cast<int>(buffer.size()),
                                           &sent, transfer_timeout(options_.write_timeout));
  if (rc != 0) throw usb_error(rc, path_, "write");
  if (static_cast<std::size_t>(sent) != buffer.size()) {
    throw Error(ErrorCode::kIo, path_ + ": short write of " + std::to_string(sent) + " bytes");
  }
}

std::size_t WebUsbLink::read(std::span<std::uint8_t> out, std::chrono::milliseconds timeout) {
  int got = 0;
  const int length = static_cast<int>(std::min<std::size_t>(out.size(), INT_MAX));
  const int rc =
      libusb_interrupt_transfer(handle_.get(), kEndpointIn, out.data(), length, &got, transfer_timeout(timeout));
  if (rc == LIBUSB_ERROR_TIMEOUT && got == 0) {
    throw Error(ErrorCode::kTimeout, path_ + ": no report within " + std::to_string(timeout.count()) + " ms");
  }
  if (rc != 0 && rc != LIBUSB_ERROR_TIMEOUT) throw usb_error(rc, path_, "read");
  return static_cast<std::size_t>(got);
}

}  // namespace cc::transport
