#include "cli/options.hpp"

#include <cctype>
#include <iostream>
#include <memory>

#include "core/error.hpp"

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
                     "load device models from DIR instead of the built-in catalog");
}

const catalog::Catalog& catalog_from(const po::variables_map& vm) {
  if (!vm.count("catalog")) return catalog::Catalog::builtin();
  static std::unique_ptr<catalog::Catalog> loaded;
  loaded = std::make_unique<catalog::Catalog>(catalog::Catalog::load_dir(vm["catalog"].as<std::string>()));
  return *loaded;
}

findings::Language parse_lang_option(const std::string& value) {
  std::string v;
  for (char c : value) v += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (v == "en") return findings::Language::kEnglish;
  if (v == "zh-cn") return findings::Language::kChineseSimplified;
  throw Error(ErrorCode::kInvalidArgument, "unknown language for --lang (accepted: en, zh-CN)");
}

int guarded(const std::function<int()>& body) {
  try {
    return body();
  } catch (const Error& e) {
    std::cerr << "coldcheck: " << to_string(e.code()) << ": " << e.what() << "\n";
    return exit_code_for(e.code());
  } catch (const std::exception& e) {
    std::cerr << "coldcheck: internal: " << e.what() << "\n";
    return exit_code_for(ErrorCode::kInternal);
  }
}

}  // namespace cc::cli
