#pragma once
// Helpers shared by every subcommand: parsing, --help, catalog choice, exit codes.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "catalog/catalog.hpp"
#include "transport/device_path.hpp"
#include "findings/findings.hpp"

namespace cc::cli {

namespace po = boost::program_options;

// Every device-path scheme a --device option accepts, for its help text.
inline constexpr const char* kDevicePathSchemes =
    "hid:/dev/hidrawN, webusb:BUS-PORTS (e.g. webusb:001-1.4), udp:HOST:PORT (Trezor emulator), "
    "tcp:HOST:PORT (Speculos, Ledger)";

// JSON for stdout: protobuf's printer, ending with a newline like every other output.
std::string json_line(const std::string& json);

enum ExitCode : int { kExitOk = 0, kExitFailure = 1, kExitUsage = 2 };

// Parses `args` against `desc`. Returns false when --help was given (help printed).
// Throws cc::Error{kInvalidArgument} for unknown options or bad values.
bool parse_options(const std::string& command, const std::string& usage, const po::options_description& desc,
                   const std::vector<std::string>& args, po::variables_map& vm,
                   const po::positional_options_description* positional = nullptr);

// Adds --catalog DIR to `desc`; catalog_from() honours it.
void add_catalog_option(po::options_description& desc);
const catalog::Catalog& catalog_from(const po::variables_map& vm);

// --device PATH, parsed once here (the app takes a DevicePath); nullopt when absent.
// Throws cc::Error{kInvalidArgument} for a malformed path.
std::optional<transport::DevicePath> device_path_option(const po::variables_map& vm);
// Adds --record FILE and --replay-delays (every command that talks to a device).
void add_device_io_options(po::options_description& desc);

// While alive, records the device traffic when --record was given, and applies
// --replay-delays. The transcript is written when the scope ends, also after an error
// (that is when a transcript helps most); the outcome is said on stderr.
class DeviceIoScope {
 public:
  DeviceIoScope(const po::variables_map& vm, const std::string& client);
  ~DeviceIoScope();
  DeviceIoScope(const DeviceIoScope&) = delete;
  DeviceIoScope& operator=(const DeviceIoScope&) = delete;

 private:
  std::string record_file_;
};
// The value of --lang: "en" or "zh-CN" (any case, '_' for '-'). Anything else, "fr" or
// "english" included, is Error{kInvalidArgument} naming the accepted values, rather
// than a silent fall back to English.
findings::Language parse_lang_option(const std::string& value);
// --lang if given, else the language of the environment (LC_ALL, LC_MESSAGES, LANG).
findings::Language lang_option(const po::variables_map& vm);

// Runs `body`, printing any cc::Error as "coldcheck: <code>: <message>" on stderr and
// returning the documented exit code.
int guarded(const std::function<int()>& body);

}  // namespace cc::cli
