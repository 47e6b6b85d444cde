// coldcheck-serve: `coldcheck serve` as its own program, without the simulator and the
// demo (the service never needs them): smaller, and what the systemd unit starts.
#include <string>
#include <vector>

#include "cli/command.hpp"

int main(int argc, char** argv) { return cc::cli::run_serve(std::vector<std::string>(argv + 1, argv + argc)); }
