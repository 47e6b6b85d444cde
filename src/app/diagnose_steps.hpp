#pragma once
// The named steps of diagnose(), each making one section of the report. Internal to
// app/; diagnose.cpp runs them in order.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/diagnose.hpp"
#include "app/host_checks.hpp"
#include "drivers/device.hpp"
#include "drivers/trezor_driver.hpp"
#include "enumerate/bus.hpp"
#include "enumerate/enumerate.hpp"
#include "transport/device_path.hpp"

namespace cc::app::steps {

using Say = std::function<void(const std::string&)>;

// Where the device is: a USB node, an emulator endpoint, or nothing found.
struct Located {
  Target target = Target::kNone;
  std::string path;
  std::optional<transport::DevicePath> device;
  std::optional<enumerate::UsbNode> node;
};

// One USB scan per diagnosis, taken when first needed.
class UsbNodes {
 public:
  explicit UsbNodes(enumerate::Bus& bus) : bus_(bus) {}
  enumerate::Bus& bus() noexcept { return bus_; }
  const std::vector<enumerate::UsbNode>& get() {
    if (!nodes_) nodes_ = bus_.scan();
    return *nodes_;
  }

 private:
  enumerate::Bus& bus_;
  std::optional<std::vector<enumerate::UsbNode>> nodes_;
};

Located locate(const catalog::Catalog& catalog, const DiagnoseOptions& options, UsbNodes& usb);

::coldcheck::report::RunInfo run_section(const DiagnoseOptions& options);

std::vector<::coldcheck::report::CheckResult> host_section(const Located& where, findings::Language language);

// The device section, and what later steps need from reading the device.
struct DeviceStep {
  ::coldcheck::report::DeviceSection section;
  std::optional<::coldcheck::DeviceFacts> facts;  // when the device could be read
  std::unique_ptr<drivers::Device> device;        // kept open for the binding
  drivers::TrezorDriver* driver = nullptr;        // the device's Trezor side, if it has one
  enumerate::Bus::Hold hold;                      // scans leave the device alone while open
  std::optional<BackupOutcome> backup;            // when the backup check ran
  std::optional<Error> error;                     // why it could not be read
  bool silent = false;                            // reached, but it did not answer in time
};
DeviceStep device_section(const catalog::Catalog& catalog, const Located& where, const DiagnoseOptions& options,
                          const report::Pseudonymizer& pseudonymize, UsbNodes& usb, const Say& say);

// The findings and the verdict, from everything the body holds so far.
void findings_section(::coldcheck::report::Body& body, const DeviceStep& device, const DiagnoseOptions& options,
                      const catalog::Catalog& catalog);

// With --bind: the device signs the sealed report. Returns what became of it.
std::string binding_step(::coldcheck::report::Report& report, const DeviceStep& device, const catalog::Catalog& catalog,
                         const Say& say);

}  // namespace cc::app::steps
