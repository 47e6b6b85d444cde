#include "cli/store_option.hpp"

#include <iostream>

#include "core/error.hpp"
#include "store/store.hpp"

namespace cc::cli {

void add_store_options(po::options_description& desc) {
  desc.add_options()("store", po::value<std::string>()->value_name("PATH|URI"),
                     "also keep the report in this store: a SQLite file or postgresql://... (default: "
                     "~/.local/share/coldcheck/reports.db)")("no-store", "do not keep the report in a store");
}

void store_report(const ::coldcheck::report::Report& sealed, const po::variables_map& vm) {
  if (vm.count("no-store")) return;
  try {
    const auto location = vm.count("store")
                              ? store::parse_location(vm["store"].as<std::string>())
                              : store::Location{store::Location::Kind::kSqlite, store::default_store_path().string()};
    const auto put = store::Store::open(location)->put(sealed);
    std::cout << "report stored: id " << put.id << (put.inserted ? "" : " (already there)") << " in "
              << store::display_location(location) << "\n";
  } catch (const Error& e) {
    // The files are written; a store that cannot take the report must not hide them.
    std::cerr << "coldcheck: warning: the report was not stored: " << e.what() << "\n";
  }
}

}  // namespace cc::cli
