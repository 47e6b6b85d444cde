// Time from a USB plug to the `coldcheck serve` page showing the device (issue 16, item 7).
// The real coldcheck serve runs on the emulated bus (umockdev preload, its udev monitor
// woken by this program's uevents); headless Chromium, outside the preload, shows the page
// (plug_to_page.mjs). The clock starts when the add uevent leaves this process and stops
// when the page's MutationObserver sees the device's button appear (both on the system
// clock, in milliseconds since the epoch); for an unplug, from the testbed removing the
// node to the button going. A HID Trezor One is plugged and unplugged ROUNDS times (argv[1], default 24).
// Prints p50 / p99 / max. Reported, never asserted.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "sim/simulator.hpp"
#include "support/subprocess.hpp"
#include "umockdev/event_process.hpp"
#include "umockdev/usb_bus.hpp"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using cc::usb_bus::EventProcess;

double epoch_ms() {
  return std::chrono::duration<double, std::milli>(std::chrono::system_clock::now().time_since_epoch()).count();
}

void print(const char* what, std::vector<double> ms) {
  if (ms.empty()) {
    std::printf("%-28s no samples\n", what);
    return;
  }
  std::sort(ms.begin(), ms.end());
  const auto at = [&](double q) {
    return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
  };
  std::printf("%-28s n=%zu p50=%.1f ms p99=%.1f ms max=%.1f ms\n", what, ms.size(), at(0.5), at(0.99), ms.back());
}

// "seen hid:/dev/hidraw3 1764600000123.456" -> the time.
double time_in(const std::string& line) { return std::stod(line.substr(line.rfind(' ') + 1)); }

}  // namespace

int main(int argc, char** argv) {
  namespace cat = ::coldcheck::catalog;
  const int rounds = argc > 1 ? std::max(1, std::stoi(argv[1])) : 24;
  const fs::path dir = fs::temp_directory_path() / ("cc-plug-to-page-" + std::to_string(::getpid()));
  fs::create_directories(dir);

  cc::usb_bus::UsbBus bus;  // uevents only where this program sends them
  cc::sim::Simulator one(cc::sim::builtin_scenario("outdated-trezor-one"));
  one.start();
  auto serve_env = bus.environment();
  serve_env.push_back("TMPDIR=" + dir.string());
  EventProcess serve(
      {cc::test_support::coldcheck_binary(), "serve", "--listen", "127.0.0.1:0", "--no-socket", "--no-store",
       "--token-file", (dir / "token").string(), "--key", (dir / "key").string(), "--lang", "en"},
      serve_env, EventProcess::Output::kPipe);
  const auto login = serve.wait_for({"open this link once"}, std::chrono::seconds(20));
  if (!login) {
    std::fprintf(stderr, "coldcheck serve did not start: %s\n", serve.seen().c_str());
    return 1;
  }
  const auto url = login->substr(login->find("http://"));
  std::vector<std::string> page_env;
  for (char** e = environ; *e != nullptr; ++e) page_env.emplace_back(*e);
  EventProcess page({"/usr/bin/node", std::string(CC_SOURCE_DIR) + "/bench/service/plug_to_page.mjs", url}, page_env,
                    EventProcess::Output::kPipe);
  if (!page.wait_for({"ready"}, std::chrono::seconds(60))) {
    std::fprintf(stderr, "the page did not open: %s\n", page.seen().c_str());
    return 1;
  }

  std::vector<double> arrivals, departures;
  for (int i = 0; i < rounds; ++i) {
    auto spec = cc::usb_bus::spec_from_catalog("trezor-one", cat::MODE_FIRMWARE, cat::TRANSPORT_HID);
    spec.simulator_port = one.port();
    spec.ports = {1, static_cast<std::uint8_t>(1 + i % 4)};
    const auto device = bus.plug(spec);
    double t0 = epoch_ms();
    bus.uevent(device, "add");
    if (const auto seen = page.wait_for({"seen " + device.device_path + " "}, std::chrono::seconds(15))) {
      arrivals.push_back(time_in(*seen) - t0);
    } else {
      std::fprintf(stderr, "round %d: the page did not show %s within 15 s\n", i, device.device_path.c_str());
    }
    // The clock starts before the testbed drops the node (umockdev takes tens of
    // milliseconds for that), so this side includes the testbed's own work.
    t0 = epoch_ms();
    bus.unplug(device);
    bus.uevent(device, "remove");
    if (const auto gone = page.wait_for({"gone " + device.device_path + " "}, std::chrono::seconds(15))) {
      departures.push_back(time_in(*gone) - t0);
    } else {
      std::fprintf(stderr, "round %d: the page still shows %s after 15 s\n", i, device.device_path.c_str());
    }
  }
  page.interrupt();
  serve.interrupt();
  print("plug -> page shows it", arrivals);
  print("unplug -> page drops it", departures);
  std::error_code ec;
  fs::remove_all(dir, ec);
  return arrivals.size() == static_cast<std::size_t>(rounds) ? 0 : 1;
}
