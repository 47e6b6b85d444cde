// `coldcheck watch`: one line per arrival, departure and mode change on USB (udev's
// netlink monitor, no polling) and on named emulator endpoints (a liveness probe).
#include <iostream>
#include <mutex>

#include "cli/command.hpp"
#include "cli/event_lines.hpp"
#include "cli/interrupt.hpp"
#include "cli/options.hpp"
#include "enumerate/bus.hpp"

namespace cc::cli {

int run_watch(const std::vector<std::string>& args) {
  return guarded([&] {
    po::options_description desc("options");
    desc.add_options()("json", "one JSON object per line")(
        "emulator", po::value<std::vector<std::string>>()->value_name("udp:HOST:PORT|tcp:HOST:PORT")->composing(),
        "also watch this emulator endpoint (repeatable); emulators have no hotplug, so each is probed "
        "once a second and counts as gone after three unanswered probes");
    add_catalog_option(desc);
    po::variables_map vm;
    if (!parse_options("watch", "[--json] [--emulator ENDPOINT]...", desc, args, vm)) return 0;
    std::vector<transport::DevicePath> emulators;
    if (vm.count("emulator")) {
      for (const auto& text : vm["emulator"].as<std::vector<std::string>>())
        emulators.push_back(transport::parse_device_path(text));
    }
    const bool json = vm.count("json") > 0;
    const auto& catalog = catalog_from(vm);

    Interrupt interrupt;  // before any thread starts
    std::mutex out_mutex;
    const auto print = [&](const enumerate::BusEvent& e) {
      const std::lock_guard lock(out_mutex);
      std::cout << (json ? bus_event_json(e) : bus_event_text(e)) << std::endl;
    };
    enumerate::UsbBus bus(catalog);
    std::unique_ptr<enumerate::Watch> usb;
    try {
      usb = bus.watch(print);
    } catch (const Error& e) {
      if (emulators.empty()) throw;
      std::cerr << "coldcheck: " << e.what() << "; watching the emulators only\n";
    }
    std::unique_ptr<enumerate::Watch> emulated;
    if (!emulators.empty()) emulated = enumerate::watch_emulators(emulators, print);
    if (!json) std::cerr << "coldcheck: watching for devices (Ctrl-C stops)\n";
    interrupt.wait();
    return 0;  // the watches end (threads joined) as they go out of scope
  });
}

}  // namespace cc::cli
