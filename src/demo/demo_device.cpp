#include "demo/demo_device.hpp"

#include "sim/simulator.hpp"

namespace cc::demo {

DemoDevice::DemoDevice(const std::string& scenario)
    : simulator_(std::make_unique<sim::Simulator>(sim::builtin_scenario(scenario))) {
  simulator_->start();
  endpoint_ = "udp:127.0.0.1:" + std::to_string(simulator_->port());
}

DemoDevice::~DemoDevice() = default;

}  // namespace cc::demo
