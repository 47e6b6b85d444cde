#include <array>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "core/version.hpp"

namespace {

constexpr std::array kCommands = {
    cc::cli::Command{"diagnose", "check a device and this computer; write a shareable report", cc::cli::run_diagnose},
    cc::cli::Command{"check-backup",
                     "check your recovery backup on the device itself (words never touch this computer)",
                     cc::cli::run_check_backup},
    cc::cli::Command{"report", "show, verify, explain or diff a report (for support agents)", cc::cli::run_report},
    cc::cli::Command{"reports", "the support desk's report store: import, list, show, export, purge, stats",
                     cc::cli::run_reports},
    cc::cli::Command{"verify", "is this device genuine, and its firmware the released one? (offline)",
                     cc::cli::run_verify},
    cc::cli::Command{"firmware", "firmware inspect FILE: header, version, and the hash a device would report",
                     cc::cli::run_firmware},
    cc::cli::Command{"catalog", "catalog show | update FILE: the release data in use; install a signed update",
                     cc::cli::run_catalog},
    cc::cli::Command{"serve", "the local service: a loopback API and a page (coldcheck serve --help)",
                     cc::cli::run_serve},
    cc::cli::Command{"list", "list hardware wallets on USB and emulator endpoints", cc::cli::run_list},
    cc::cli::Command{"info", "identify a device: model, firmware, bootloader and state", cc::cli::run_info},
    cc::cli::Command{"watch", "print each device arrival, departure and mode change as it happens", cc::cli::run_watch},
    cc::cli::Command{"bench", "the technician's bench: diagnose every device plugged in, in parallel",
                     cc::cli::run_bench},
    cc::cli::Command{"simulate", "run the built-in device simulator (Trezor emulator protocol over UDP)",
                     cc::cli::run_simulate},
    cc::cli::Command{"udev-rules", "print udev rules that let a desktop user open every known device",
                     cc::cli::run_udev_rules},
};

void usage(std::ostream& out) {
  out << "usage: coldcheck COMMAND [OPTIONS]   (coldcheck COMMAND --help for its options)\n\n"
         "coldcheck never asks for your recovery phrase, PIN or passphrase. Nobody genuine ever will.\n\ncommands:\n";
  for (const auto& c : kCommands) {
    out << "  " << c.name << std::string(14 - c.name.size(), ' ') << c.summary << "\n";
  }
  out << "\nexit codes: 0 ok, 2 bad usage or input, 3 not found, 4 permission denied, 5 busy, 6 timeout,\n"
         "  7 disconnected, 8 malformed reply, 9 device refused, 10 cancelled, 11 unsupported,\n"
         "  12 verification failed, 13 I/O error, 70 internal error\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    usage(args.empty() ? std::cerr : std::cout);
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version" || args[0] == "version") {
    std::cout << "coldcheck " << cc::kVersion << "\n";
    return 0;
  }
  for (const auto& c : kCommands) {
    if (args[0] == c.name) return c.run(std::vector<std::string>(args.begin() + 1, args.end()));
  }
  std::cerr << "coldcheck: unknown command '" << args[0] << "'\n";
  usage(std::cerr);
  return 2;
}
