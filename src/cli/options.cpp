#include "cli/options.hpp"

#include <cctype>
#include <iostream>
#include <memory>

#include "catalog/bundle.hpp"
#include "app/transcript_file.hpp"
#include "core/error.hpp"
#include "core/version.hpp"
#include "render/terminal_text.hpp"
#include "transport/record_link.hpp"
#include "transport/replay_link.hpp"

namespace cc::cli {

bool parse_options(const std::string& command, const std::string& usage, const po::options_description& desc,
                   const std::vector<std::string>& args, po::variables_map& vm,
                   const po::positional_options_description* positional) {
  po::options_description all(desc);
  all.add_options()("help,h", "show this help");
  try {
    po::command_line_parser parser(args);
    parser.options(all);
    if (positional) parser.positional(*positional);
    po::store(parser.run(), vm);
    if (vm.count("help")) {
      std::cout << "usage: coldcheck " << command << " " << usage << "\n\n" << all << "\n";
      return false;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    throw Error(ErrorCode::kInvalidArgument, std::string(e.what()) + " (see coldcheck " + command + " --help)");
  }
  return true;
}

void add_catalog_option(po::options_description& desc) {
  desc.add_options()("catalog", po::value<std::string>()->value_name("DIR"),
                     "load device models from DIR instead of the installed or built-in catalog");
}

const catalog::Catalog& catalog_from(const po::variables_map& vm) {
  // Without --catalog: a signed bundle installed by `catalog update`, if newer, else built-in.
  if (!vm.count("catalog")) return catalog::active_catalog();
  static std::unique_ptr<catalog::Catalog> loaded;
  loaded = std::make_unique<catalog::Catalog>(catalog::Catalog::load_dir(vm["catalog"].as<std::string>()));
  return *loaded;
}

void add_device_io_options(po::options_description& desc) {
  desc.add_options()("record", po::value<std::string>()->value_name("FILE"),
                     "write what crosses the wire to FILE (a transcript for support; device id and label "
                     "replaced, never a secret)")(
      "replay-delays", "with --device replay:FILE, wait as long as the device took when it was recorded");
}

DeviceIoScope::DeviceIoScope(const po::variables_map& vm, const std::string& client) {
  transport::set_replay_delays(vm.count("replay-delays") > 0);
  if (!vm.count("record")) return;
  record_file_ = vm["record"].as<std::string>();
  transport::TranscriptHeader header;
  header.client = "coldcheck " + std::string(kVersion) + " " + client;
  transport::start_recording(std::move(header));
}

DeviceIoScope::~DeviceIoScope() {
  if (record_file_.empty()) return;
  try {
    auto transcript = transport::stop_recording();
    if (transcript.header.transport.empty()) {
      std::cerr << "transcript not written: nothing talked to a device\n";
      return;
    }
    app::write_transcript(std::move(transcript), record_file_);
    std::cerr << "transcript written: " << record_file_ << "\n";
  } catch (const std::exception& e) {
    std::cerr << "coldcheck: transcript not written: " << e.what() << "\n";
  }
}

findings::Language parse_lang_option(const std::string& value) {
  std::string v;
  for (char c : value) v += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (v == "en") return findings::Language::kEnglish;
  if (v == "zh-cn") return findings::Language::kChineseSimplified;
  throw Error(ErrorCode::kInvalidArgument, "unknown language for --lang (accepted: en, zh-CN)");
}

findings::Language lang_option(const po::variables_map& vm) {
  return vm.count("lang") ? parse_lang_option(vm["lang"].as<std::string>()) : findings::language_from_env();
}

int guarded(const std::function<int()>& body) {
  try {
    return body();
  } catch (const Error& e) {
    // Messages can quote a device or a file (a Failure text, a path): cleaned for the terminal.
    std::cerr << "coldcheck: " << to_string(e.code()) << ": " << render::terminal_text(e.what()) << "\n";
    return exit_code_for(e.code());
  } catch (const std::exception& e) {
    std::cerr << "coldcheck: internal: " << render::terminal_text(e.what()) << "\n";
    return exit_code_for(ErrorCode::kInternal);
  }
}

std::optional<transport::DevicePath> device_path_option(const po::variables_map& vm) {
  if (!vm.count("device")) return std::nullopt;
  return transport::parse_device_path(vm["device"].as<std::string>());
}

std::string json_line(const std::string& json) {
  if (!json.empty() && json.back() == '\n') return json;
  return json + "\n";
}

}  // namespace cc::cli
