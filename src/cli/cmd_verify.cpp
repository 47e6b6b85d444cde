// `coldcheck verify` (is this device and its firmware genuine?) and
// `coldcheck firmware inspect` (what is in this image, what hash would a device report?).
#include <iostream>

#include "app/devices.hpp"
#include "app/genuineness.hpp"
#include "app/genuineness_verdict.hpp"
#include "app/rendering.hpp"
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "core/bounded_file.hpp"
#include "core/error.hpp"
#include "core/hex.hpp"
#include "firmware/hash.hpp"
#include "firmware/image.hpp"
#include "render/json.hpp"
#include "render/words.hpp"

namespace cc::cli {

namespace rp = ::coldcheck::report;

int run_verify(const std::vector<std::string>& args) {
  return guarded([&] {
    po::options_description desc("options");
    desc.add_options()(
        "device,d", po::value<std::string>()->value_name("PATH"),
        (std::string("device path: ") + kDevicePathSchemes + " (default: the only device found)").c_str())(
        "firmware-dir", po::value<std::string>()->value_name("DIR"),
        "release images to predict the firmware hash from")("json", "print the check results as JSON")(
        "lang", po::value<std::string>()->value_name("LANG"), "en or zh-CN (default: from LANG)");
    add_catalog_option(desc);
    add_device_io_options(desc);
    po::variables_map vm;
    if (!parse_options("verify", "[--device PATH] [--firmware-dir DIR] [--json]", desc, args, vm)) return 0;
    const DeviceIoScope device_io(vm, "verify");
    const auto& catalog = catalog_from(vm);
    const auto selected = app::select_device(catalog, device_path_option(vm));
    const std::string path = selected.path.to_string();
    auto opened = app::open_device(catalog, selected.path, {}, selected.access());
    if (opened.driver() == nullptr) {
      throw Error(ErrorCode::kUnsupported,
                  path + ": genuineness checks are not supported for " +
                      (opened.facts.model_name().empty() ? "this device" : opened.facts.model_name()));
    }
    app::GenuinenessOptions options;
    if (vm.count("firmware-dir")) options.firmware_dir = vm["firmware-dir"].as<std::string>();
    options.language = lang_option(vm);
    const auto results = app::genuineness_checks(*opened.driver(), opened.facts, catalog, options);
    const auto verdict = app::genuineness_verdict(results);
    if (vm.count("json")) {
      rp::DeviceSection section;
      for (const auto& r : results) *section.add_checks() = r;
      std::cout << json_line(render::to_json(section));
    } else {
      const auto labels = app::labels_for(options.language);
      std::cout << (opened.facts.model_name().empty() ? "unknown model" : opened.facts.model_name()) << "  "
                << opened.facts.firmware_version() << "  " << opened.facts.path() << "\n";
      for (const auto& r : results) {
        std::cout << "  [" << render::status_word(r.status(), labels) << "] " << r.id() << "  " << r.title() << "\n";
        if (!r.detail().empty()) std::cout << "      " << r.detail() << "\n";
        for (const auto& e : r.evidence()) {
          std::cout << "      - " << e.name() << ": " << e.observed();
          if (!e.expected().empty()) std::cout << "  (expected " << e.expected() << ")";
          std::cout << "\n";
        }
      }
      std::cout << app::genuineness_verdict_line(verdict) << "\n";
    }
    const bool failed = app::genuineness_failed(verdict);
    return failed ? exit_code_for(ErrorCode::kVerificationFailed) : 0;
  });
}

int run_firmware(const std::vector<std::string>& args) {
  return guarded([&] {
    if (args.empty() || args[0] != "inspect") {
      if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
        std::cout << "usage: coldcheck firmware inspect FILE [--challenge HEX] [--model INTERNAL_MODEL]\n";
        return 0;
      }
      throw Error(ErrorCode::kInvalidArgument, "usage: coldcheck firmware inspect FILE [--challenge HEX]");
    }
    po::options_description desc("options");
    desc.add_options()("file", po::value<std::string>()->required(), "firmware image")(
        "challenge", po::value<std::string>()->value_name("HEX"), "1..32 bytes: print the hash a device would report")(
        "model", po::value<std::string>()->value_name("MODEL"),
        "internal model (e.g. T2B1) when the image does not name it");
    po::positional_options_description pos;
    pos.add("file", 1);
    po::variables_map vm;
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (!parse_options("firmware inspect", "FILE [--challenge HEX] [--model MODEL]", desc, rest, vm, &pos)) return 0;
    const std::string file = vm["file"].as<std::string>();
    const std::string raw = read_bounded_file(file, 16u << 20, "firmware image");
    const std::vector<std::uint8_t> bytes(raw.begin(), raw.end());
    firmware::ImageInfo info;
    try {
      info = firmware::parse_image(bytes);
    } catch (const Error& e) {
      throw e.with_context(file);
    }
    const std::string model = vm.count("model") ? vm["model"].as<std::string>() : info.internal_model;
    std::cout << "  format          " << info.kind << "\n"
              << "  model           " << (model.empty() ? "not stated" : model)
              << (info.internal_model_inferred && !vm.count("model") ? " (inferred)" : "") << "\n"
              << "  version         " << info.version << "\n"
              << "  vendor          " << (info.vendor.empty() ? "-" : info.vendor) << "\n"
              << "  code length     " << info.code_length << " bytes\n"
              << "  legacy header   " << (info.has_legacy_header ? "yes (dropped before hashing)" : "no") << "\n";
    if (vm.count("challenge")) {
      const auto challenge = from_hex(vm["challenge"].as<std::string>());
      const auto hash = firmware::predict_firmware_hash(bytes, model, challenge);
      std::cout << "  device hash     " << to_hex(hash) << "\n"
                << "                  (what GetFirmwareHash with this challenge returns on a device running it)\n";
    }
    return 0;
  });
}

}  // namespace cc::cli
