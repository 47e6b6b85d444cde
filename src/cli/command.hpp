#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace cc::cli {

// One subcommand: `args` excludes the program and subcommand names.
struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(const std::vector<std::string>& args);
};

int run_list(const std::vector<std::string>& args);
int run_info(const std::vector<std::string>& args);
int run_simulate(const std::vector<std::string>& args);
int run_udev_rules(const std::vector<std::string>& args);
int run_diagnose(const std::vector<std::string>& args);
int run_check_backup(const std::vector<std::string>& args);
int run_report(const std::vector<std::string>& args);
int run_reports(const std::vector<std::string>& args);
int run_verify(const std::vector<std::string>& args);
int run_firmware(const std::vector<std::string>& args);
int run_catalog(const std::vector<std::string>& args);
int run_serve(const std::vector<std::string>& args);
int run_watch(const std::vector<std::string>& args);
int run_bench(const std::vector<std::string>& args);

}  // namespace cc::cli
