// Writes render_udev_rules(builtin) to the path given, or to stdout.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "catalog/catalog.hpp"

int main(int argc, char** argv) {
  try {
    const std::string rules = cc::catalog::render_udev_rules(cc::catalog::Catalog::builtin());
    if (argc < 2) {
      std::cout << rules;
      return 0;
    }
    std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
    out << rules;
    out.close();
    if (!out) {
      std::cerr << argv[1] << ": cannot write\n";
      return 1;
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
}
