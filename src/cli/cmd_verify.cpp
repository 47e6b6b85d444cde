// `coldcheck verify` (is this device and its firmware genuine?) and
// `coldcheck firmware inspect` (what is in this image, what hash would a device report?).
#include <iostream>

#include "app/devices.hpp"
#include "app/genuineness.hpp"
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/render.hpp"
#include "core/bounded_file.hpp"
#include "core/error.hpp"
#include "core/hex.hpp"
#include "firmware/hash.hpp"
#include "firmware/image.hpp"

namespace cc::cli {

namespace rp = ::coldcheck::report;

namespace {

std::string_view status_word(rp::CheckStatus s) {
  switch (s) {
    case rp::CHECK_PASS: return "pass";
    case rp::CHECK_WARN: return "WARN";
    case rp::CHECK_FAIL: return "FAIL";
    case rp::CHECK_SKIPPED: return "skipped";
    case rp::CHECK_UNSUPPORTED: return "unsupported";
    case rp::CHECK_ERROR: return "error";
    default: return "?";
  }
}

}  // namespace

int run_verify(const std::vector<std::string>& args) {
  return guarded([&] {
    po::options_description desc("options");
    desc.add_options()("device,d", po::value<std::string>()->value_name("PATH"),
                       "device path (default: the only device found)")(
        "firmware-dir", po::value<std::string>()->value_name("DIR"),
        "release images to predict the firmware hash from")("json", "print the check results as JSON")(
        "lang", po::value<std::string>()->value_name("LANG"), "en or zh-CN (default: from LANG)");
    add_catalog_option(desc);
    po::variables_map vm;
    if (!parse_options("verify", "[--device PATH] [--firmware-dir DIR] [--json]", desc, args, vm)) return 0;
    const auto& catalog = catalog_from(vm);
    const std::string path =
        vm.count("device") ? vm["device"].as<std::string>() : app::pick_device(app::list_devices(catalog, {}));
    auto opened = app::open_device(catalog, path);
    if (!opened.driver) {
      throw Error(ErrorCode::kUnsupported, path + ": genuineness checks are not supported for " +
                                               (opened.facts.model_name().empty() ? "this device"
                                                                                  : opened.facts.model_name()));
    }
    app::GenuinenessOptions options;
    if (vm.count("firmware-dir")) options.firmware_dir = vm["firmware-dir"].as<std::string>();
    options.language = vm.count("lang") ? parse_lang_option(vm["lang"].as<std::string>())
                                        : findings::language_from_env();
    const auto results = app::genuineness_checks(*opened.driver, opened.facts, catalog, options);
    bool failed = false;
    bool only_unlocked = true;  // the one failure that is not counterfeit
    rp::DeviceSection section;
    for (const auto& r : results) {
      if (r.status() == rp::CHECK_FAIL) {
        failed = true;
        only_unlocked &= r.id() == "auth.unlocked_bootloader";
      }
      *section.add_checks() = r;
    }
    if (vm.count("json")) {
      std::cout << to_json(section);
    } else {
      std::cout << (opened.facts.model_name().empty() ? "unknown model" : opened.facts.model_name()) << "  "
                << opened.facts.firmware_version() << "  " << opened.facts.path() << "\n";
      for (const auto& r : results) {
        std::cout << "  [" << status_word(r.status()) << "] " << r.id() << "  " << r.title() << "\n";
        if (!r.detail().empty()) std::cout << "      " << r.detail() << "\n";
        for (const auto& e : r.evidence()) {
          std::cout << "      - " << e.name() << ": " << e.observed();
          if (!e.expected().empty()) std::cout << "  (expected " << e.expected() << ")";
          std::cout << "\n";
        }
      }
      if (!failed) {
        std::cout << "verdict: no check failed\n";
      } else if (only_unlocked) {
        std::cout << "verdict: genuine hardware whose bootloader was unlocked (custom firmware was installed at "
                     "some point); not counterfeit, but not verifiable either\n";
      } else {
        std::cout << "verdict: NOT GENUINE or modified: stop using this device\n";
      }
    }
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
