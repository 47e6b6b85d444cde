// `coldcheck udev-rules`: the rules in udev/ come from here.
#include <iostream>

#include "cli/command.hpp"
#include "cli/options.hpp"

namespace cc::cli {

int run_udev_rules(const std::vector<std::string>& args) {
  return guarded([&] {
    po::options_description desc("options");
    add_catalog_option(desc);
    po::variables_map vm;
    if (!parse_options("udev-rules", "[--catalog DIR] > /etc/udev/rules.d/51-coldcheck.rules", desc, args, vm))
      return 0;
    std::cout << catalog::render_udev_rules(catalog_from(vm));
    return 0;
  });
}

}  // namespace cc::cli
