// Hotplug notice latency on the emulated bus: from the uevent leaving this process to
// `coldcheck watch --json` printing the arrival (or departure) line, for a HID device
// plugged and unplugged ROUNDS times (argv[1], default 100; past about 100 the preload's
// own fd table overflows in the watching process, see the report). Prints p50 / p99 / max in
// milliseconds. The watch's rescan (hidapi enumeration and an access probe per node) is
// inside the number, as it is for a real technician.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "sim/simulator.hpp"
#include "support/subprocess.hpp"
#include "umockdev/event_process.hpp"
#include "umockdev/usb_bus.hpp"

namespace {

using Clock = std::chrono::steady_clock;

void print(const char* what, std::vector<double> ms) {
  if (ms.empty()) {
    std::printf("%-10s no samples\n", what);
    return;
  }
  std::sort(ms.begin(), ms.end());
  const auto at = [&](double q) {
    return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
  };
  std::printf("%-24s n=%zu p50=%.2f ms p99=%.2f ms max=%.2f ms\n", what, ms.size(), at(0.5), at(0.99), ms.back());
}

}  // namespace

int main(int argc, char** argv) {
  namespace cat = ::coldcheck::catalog;
  const int rounds = argc > 1 ? std::max(1, std::stoi(argv[1])) : 100;
  cc::usb_bus::UsbBus bus;  // uevents only where this program sends them
  cc::sim::Simulator one(cc::sim::builtin_scenario("outdated-trezor-one"));
  one.start();
  cc::usb_bus::EventProcess watch({cc::test_support::coldcheck_binary(), "watch", "--json"}, bus.environment(),
                                  cc::usb_bus::EventProcess::Output::kPipe);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // the watch's first scan
  std::vector<double> arrivals, departures, unplug_ms;
  const auto ms_since = [](Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  };
  for (int i = 0; i < rounds; ++i) {
    auto spec = cc::usb_bus::spec_from_catalog("trezor-one", cat::MODE_FIRMWARE, cat::TRANSPORT_HID);
    spec.simulator_port = one.port();
    spec.ports = {1, static_cast<std::uint8_t>(1 + i % 4)};
    const auto device = bus.plug(spec);
    auto t0 = Clock::now();
    bus.uevent(device, "add");
    if (watch.wait_for({"\"arrival\"", device.device_path}, std::chrono::seconds(10))) {
      arrivals.push_back(ms_since(t0));
    } else {
      std::fprintf(stderr, "round %d: no arrival line for %s within 10 s\n", i, device.device_path.c_str());
    }
    // The testbed drops the device first (umockdev takes tens of milliseconds for
    // that, and complains that it cannot send its own uevent); the clock starts at ours.
    t0 = Clock::now();
    bus.unplug(device);
    unplug_ms.push_back(ms_since(t0));
    t0 = Clock::now();
    bus.uevent(device, "remove");
    if (watch.wait_for({"\"departure\"", device.device_path}, std::chrono::seconds(10)))
      departures.push_back(ms_since(t0));
  }
  watch.interrupt();
  // By blocks of 50: the testbed keeps some sysfs entries of unplugged devices, so a
  // long run measures a growing sysfs too.
  for (std::size_t from = 0; from + 50 <= arrivals.size(); from += 50) {
    const std::string label = "arrival " + std::to_string(from) + "-" + std::to_string(from + 49);
    print(label.c_str(), std::vector<double>(arrivals.begin() + static_cast<std::ptrdiff_t>(from),
                                             arrivals.begin() + static_cast<std::ptrdiff_t>(from + 50)));
  }
  print("arrival", arrivals);
  print("departure", departures);
  print("(testbed unplug itself)", unplug_ms);
  return arrivals.size() == static_cast<std::size_t>(rounds) ? 0 : 1;
}
