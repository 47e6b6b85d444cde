// `coldcheck list` and `coldcheck info`.
#include <iostream>

#include "app/devices.hpp"
#include "app/rendering.hpp"
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "render/device_text.hpp"
#include "render/json.hpp"

namespace cc::cli {

namespace {
std::vector<transport::DevicePath> emulator_paths(const po::variables_map& vm) {
  std::vector<transport::DevicePath> out;
  if (vm.count("emulator")) {
    for (const auto& text : vm["emulator"].as<std::vector<std::string>>())
      out.push_back(transport::parse_device_path(text));
  }
  return out;
}
}  // namespace

int run_list(const std::vector<std::string>& args) {
  return guarded([&] {
    po::options_description desc("options");
    desc.add_options()("json", "print JSON (protobuf JSON mapping)")(
        "emulator", po::value<std::vector<std::string>>()->value_name("udp:HOST:PORT|tcp:HOST:PORT")->composing(),
        "also probe this emulator endpoint (repeatable): udp:HOST:PORT (Trezor emulator, e.g. "
        "udp:127.0.0.1:21324) or tcp:HOST:PORT (Speculos); none is probed unless named")(
        "lang", po::value<std::string>()->value_name("LANG"), "en or zh-CN (default: from LANG)");
    add_catalog_option(desc);
    po::variables_map vm;
    if (!parse_options("list", "[--json] [--emulator udp:HOST:PORT|tcp:HOST:PORT]... [--lang LANG]", desc, args, vm))
      return 0;
    const auto lang = lang_option(vm);
    app::ListOptions options;
    options.emulators = emulator_paths(vm);
    const auto list = app::list_devices(catalog_from(vm), options);
    std::cout << (vm.count("json")
                      ? json_line(render::to_json(list))
                      : render::render_list_text(list, app::labels_for(lang), app::device_words_for(lang)));
    return 0;
  });
}

int run_info(const std::vector<std::string>& args) {
  return guarded([&] {
    po::options_description desc("options");
    desc.add_options()(
        "device,d", po::value<std::string>()->value_name("PATH"),
        (std::string("device path: ") + kDevicePathSchemes + " (default: the only device found)").c_str())(
        "json", "print JSON (protobuf JSON mapping)")("timeout-ms", po::value<unsigned>()->default_value(5000),
                                                      "longest wait for each reply from the device")(
        "lang", po::value<std::string>()->value_name("LANG"), "en or zh-CN (default: from LANG)");
    add_catalog_option(desc);
    add_device_io_options(desc);
    po::variables_map vm;
    if (!parse_options("info", "[--device PATH] [--json] [--lang LANG]", desc, args, vm)) return 0;
    const auto lang = lang_option(vm);
    const DeviceIoScope device_io(vm, "info");
    const auto& catalog = catalog_from(vm);
    const auto selected = app::select_device(catalog, device_path_option(vm));
    drivers::SessionOptions options;
    options.reply_timeout = std::chrono::milliseconds(vm["timeout-ms"].as<unsigned>());
    auto facts = app::read_facts(catalog, selected.path, options, selected.access());
    facts.clear_device_id();  // an identifier; reports carry only its pseudonym
    std::cout << (vm.count("json")
                      ? json_line(render::to_json(facts))
                      : render::render_facts_text(facts, app::labels_for(lang), app::device_words_for(lang)));
    return 0;
  });
}

}  // namespace cc::cli
