#pragma once
// The built-in demo device: one simulator scenario served on a loopback endpoint for as
// long as this object lives. The app diagnoses it like any emulator endpoint.
#include <memory>
#include <string>

namespace cc::sim {
class Simulator;
}

namespace cc::demo {

class DemoDevice {
 public:
  // Starts `scenario` (a built-in name; Error{kNotFound} lists them) on an ephemeral port.
  explicit DemoDevice(const std::string& scenario);
  ~DemoDevice();
  DemoDevice(const DemoDevice&) = delete;
  DemoDevice& operator=(const DemoDevice&) = delete;

  // "udp:127.0.0.1:PORT", a device path.
  const std::string& endpoint() const noexcept { return endpoint_; }

 private:
  std::unique_ptr<sim::Simulator> simulator_;
  std::string endpoint_;
};

}  // namespace cc::demo
