// `coldcheck list` and `coldcheck info`.
#include <iostream>

#include "app/devices.hpp"
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/render.hpp"

namespace cc::cli {

namespace {
std::vector<transport::DevicePath> emulator_paths(const po::variables_map& vm) {
  std::vector<transport::DevicePath> out;
  if (vm.count("emulator")) {
    for (const auto& text : vm["emulator"].as<std::vector<std::string>>()) out.push_back(transport::parse_device_path(text));
  }
  return out;
}
}  // namespace

int run_list(const std::vector<std::string>& args) {
  return guarded([&] {
    po::options_description desc("options");
    desc.add_options()("json", "print JSON (protobuf JSON mapping)")(
        "emulator", po::value<std::vector<std::string>>()->value_name("udp:HOST:PORT")->composing(),
        "also probe this emulator endpoint (repeatable); the default one is udp:127.0.0.1:21324");
    add_catalog_option(desc);
    po::variables_map vm;
    if (!parse_options("list", "[--json] [--emulator udp:HOST:PORT]...", desc, args, vm)) return 0;
    app::ListOptions options;
    options.emulators = emulator_paths(vm);
    const auto list = app::list_devices(catalog_from(vm), options);
    std::cout << (vm.count("json") ? to_json(list) : render_list_text(list));
    return 0;
  });
}

int run_info(const std::vector<std::string>& args) {
  return guarded([&] {
    po::options_description desc("options");
    desc.add_options()("device,d", po::value<std::string>()->value_name("PATH"),
                       "device path: hid:..., webusb:BUS-PORTS, udp:HOST:PORT (default: the only device found)")(
        "json", "print JSON (protobuf JSON mapping)")(
        "timeout-ms", po::value<unsigned>()->default_value(5000), "longest wait for each reply from the device");
    add_catalog_option(desc);
    add_device_io_options(desc);
    po::variables_map vm;
    if (!parse_options("info", "[--device PATH] [--json]", desc, args, vm)) return 0;
    const DeviceIoScope device_io(vm, "info");
    const auto& catalog = catalog_from(vm);
    std::string path;
    if (vm.count("device")) {
      path = vm["device"].as<std::string>();
    } else {
      path = app::pick_device(app::list_devices(catalog, {}));
    }
    drivers::SessionOptions options;
    options.reply_timeout = std::chrono::milliseconds(vm["timeout-ms"].as<unsigned>());
    auto facts = app::read_facts(catalog, path, options);
    facts.clear_device_id();  // an identifier; reports carry only its pseudonym
    std::cout << (vm.count("json") ? to_json(facts) : render_facts_text(facts));
    return 0;
  });
}

}  // namespace cc::cli
