#pragma once
// Runs a program to completion and captures its output (posix_spawn, no shell).
#include <string>
#include <vector>

namespace cc::test {

struct ProcessResult {
  int exit_code = -1;  // 128 + signal when killed
  std::string out;
  std::string err;
};

// argv[0] is an absolute path; `env` replaces the environment.
ProcessResult run_process(const std::vector<std::string>& argv, const std::vector<std::string>& env);

}  // namespace cc::test
