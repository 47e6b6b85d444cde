// Runs one command on an emulated USB bus with one simulated device, for trying the
// tier by hand:
//   usb_bus_run MODEL firmware|bootloader hid|webusb|serial [SCENARIO] -- PROGRAM ARGS...
// e.g. usb_bus_run trezor-one firmware hid outdated-trezor-one -- build/src/cli/coldcheck info
// The device path is printed on stderr first.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "sim/simulator.hpp"
#include "support/subprocess.hpp"
#include "umockdev/usb_bus.hpp"

int main(int argc, char** argv) {
  namespace cat = ::coldcheck::catalog;
  std::vector<std::string> args(argv + 1, argv + argc);
  std::size_t dash = 0;
  while (dash < args.size() && args[dash] != "--") ++dash;
  if (dash < 3 || dash + 1 >= args.size()) {
    std::cerr << "usage: usb_bus_run MODEL firmware|bootloader hid|webusb|serial [SCENARIO] -- PROGRAM ARGS...\n";
    return 2;
  }
  try {
    const auto mode = args[1] == "bootloader" ? cat::MODE_BOOTLOADER : cat::MODE_FIRMWARE;
    const auto transport = args[2] == "hid"      ? cat::TRANSPORT_HID
                           : args[2] == "serial" ? cat::TRANSPORT_SERIAL
                                                 : cat::TRANSPORT_WEBUSB;
    auto spec = cc::usb_bus::spec_from_catalog(args[0], mode, transport);
    std::unique_ptr<cc::sim::Simulator> sim;
    if (dash > 3) {
      sim = std::make_unique<cc::sim::Simulator>(cc::sim::builtin_scenario(args[3]));
      sim->start();
      spec.simulator_port = sim->port();
    }
    cc::usb_bus::UsbBus bus;
    const auto device = bus.plug(spec);
    std::cerr << "device: " << device.device_path << " (" << device.node << ")\n";
    const std::vector<std::string> command(args.begin() + static_cast<std::ptrdiff_t>(dash) + 1, args.end());
    const auto env = bus.environment();
    const auto r = cc::test_support::run(command, std::chrono::seconds(120), &env);
    std::cout << r.out;
    std::cerr << r.err;
    std::cerr << "reports to host " << bus.reports_to_host() << ", from host " << bus.reports_from_host() << "\n";
    return r.exit_code;
  } catch (const std::exception& e) {
    std::cerr << "usb_bus_run: " << e.what() << "\n";
    return 1;
  }
}
