// `coldcheck catalog show [--json]` and `coldcheck catalog update FILE`: which release
// data judges firmware, and replacing it with a newer signed bundle.
#include <google/protobuf/util/json_util.h>

#include <fstream>
#include <iostream>
#include <iterator>

#include "catalog/bundle.hpp"
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "core/error.hpp"

namespace cc::cli {
namespace {

std::string json_of(const google::protobuf::Message& message) {
  std::string out;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  if (!google::protobuf::util::MessageToJsonString(message, &out, options).ok()) {
    throw Error(ErrorCode::kInternal, "catalog show: cannot print JSON");
  }
  return out;
}

std::string quoted(const std::string& text) {
  ::coldcheck::catalog::BundleFile holder;  // any message with a string field quotes it for us
  holder.set_name(text);
  const std::string json = json_of(holder);  // {"name":"..."}
  return json.substr(8, json.size() - 9);
}

void show_json(const catalog::Catalog& c) {
  std::cout << "{\"catalog\":" << json_of(c.info()) << ",\"origin\":" << quoted(c.origin()) << ",\"models\":[";
  bool first = true;
  for (const auto& m : c.models()) {
    std::cout << (first ? "" : ",") << json_of(m);
    first = false;
  }
  std::cout << "]}\n";
}

void show_text(const catalog::Catalog& c) {
  const auto& info = c.info();
  std::cout << "catalog " << (info.version().empty() ? "(unversioned)" : info.version()) << ", dated "
            << (info.date().empty() ? "(no date)" : info.date()) << ", schema " << info.schema() << "\n"
            << "from    " << c.origin() << "\n";
  if (!info.source().empty()) std::cout << "source  " << info.source() << "\n";
  for (const auto& m : c.models()) {
    std::cout << "\n"
              << m.id() << " (" << m.name() << "): " << m.releases_size() << " releases, " << m.bootloaders_size()
              << " bootloaders\n";
    for (const auto& r : m.releases()) {
      std::cout << "  " << r.version() << "  " << (r.date().empty() ? "(no date)" : r.date())
                << (r.security_fix() ? "  security fix" : "") << (r.unverified() ? "  unverified" : "") << "\n"
                << "      source: " << r.source() << "\n";
    }
  }
}

std::vector<std::uint8_t> read_bundle(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(ErrorCode::kNotFound, file + ": cannot open");
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  if (size < 0) throw Error(ErrorCode::kIo, file + ": cannot read");
  if (static_cast<std::uint64_t>(size) > catalog::kMaxBundleSize) {
    throw Error(ErrorCode::kInvalidArgument, "catalog bundle refused: " + file + " is larger than 4 MiB");
  }
  in.seekg(0);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int show(const std::vector<std::string>& args) {
  po::options_description desc("options");
  desc.add_options()("json", "machine-readable: the CatalogInfo and every Model as JSON");
  add_catalog_option(desc);
  po::variables_map vm;
  if (!parse_options("catalog show", "[--json] [--catalog DIR]", desc, args, vm)) return 0;
  const auto& c = catalog_from(vm);
  if (!vm.count("catalog")) {
    // Say why an installed bundle is not the one in use (damaged, or not newer).
    std::string note;
    try {
      (void)catalog::load_active_catalog(catalog::Catalog::builtin(), catalog::production_bundle_keys(),
                                         catalog::default_bundle_dir(), &note);
    } catch (const Error&) {
    }
    if (!note.empty()) std::cerr << "coldcheck: note: " << note << "\n";
  }
  if (vm.count("json")) {
    show_json(c);
  } else {
    show_text(c);
  }
  return 0;
}

int update(const std::vector<std::string>& args) {
  po::options_description desc("options");
  desc.add_options()("file", po::value<std::string>()->required(), "signed catalog bundle");
  po::positional_options_description pos;
  pos.add("file", 1);
  po::variables_map vm;
  if (!parse_options("catalog update", "FILE", desc, args, vm, &pos)) return 0;
  const std::string file = vm["file"].as<std::string>();
  const auto bytes = read_bundle(file);
  const auto dir = catalog::default_bundle_dir();
  const auto outcome =
      catalog::install_bundle(bytes, catalog::active_catalog(), catalog::production_bundle_keys(), dir);
  std::cout << "installed catalog " << outcome.installed.version() << " (dated " << outcome.installed.date() << ") in "
            << outcome.path.string() << "\n"
            << "replaces catalog " << outcome.previous.version() << " (dated " << outcome.previous.date() << ")\n";
  return 0;
}

}  // namespace

int run_catalog(const std::vector<std::string>& args) {
  return guarded([&] {
    const std::string usage =
        "usage: coldcheck catalog show [--json] [--catalog DIR]\n"
        "       coldcheck catalog update FILE\n";
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
      std::cout << usage;
      return args.empty() ? static_cast<int>(kExitUsage) : 0;
    }
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (args[0] == "show") return show(rest);
    if (args[0] == "update") return update(rest);
    throw Error(ErrorCode::kInvalidArgument, "unknown catalog command \"" + args[0] + "\"\n" + usage);
  });
}

}  // namespace cc::cli
