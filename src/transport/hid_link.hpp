#pragma once
// HID through hidapi (hidraw backend): 64-byte reports, report id 0 prepended on write.
#include <memory>

#include "transport/device_path.hpp"
#include "transport/hid_api.hpp"
#include "transport/link.hpp"

namespace cc::transport {

class HidLink final : public Link {
 public:
  // Throws cc::Error: kNotFound (no such node), kPermissionDenied (with the node's mode,
  // owner and group), kIo (hidapi refused for another reason).
  static std::unique_ptr<HidLink> open(const DevicePath& path);

  std::string path() const override { return path_; }
  void write(std::span<const std::uint8_t> report) override;
  std::size_t read(std::span<std::uint8_t> out, std::chrono::milliseconds timeout) override;

 private:
  HidLink(std::string path, std::string node, HidDevicePtr device)
      : path_(std::move(path)), node_(std::move(node)), device_(std::move(device)) {}
  [[noreturn]] void fail(const char* operation) const;

  std::string path_;
  std::string node_;  // /dev/hidrawN: gone after an unplug
  HidDevicePtr device_;
};

}  // namespace cc::transport
