// Words that match behaviour: every --device help names every scheme it accepts, `list`
// probes only what its help says, every "not found" names the schemes, and JSON on
// stdout ends with a newline. Run on an empty emulated bus, so that a wallet plugged
// into the machine running the tests cannot change the answers.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/simulator.hpp"
#include "support/subprocess.hpp"
#include "umockdev/usb_bus.hpp"

namespace cc {
namespace {

using test_support::run;
using ::testing::HasSubstr;
using ::testing::Not;

const std::vector<std::string> kSchemes = {"hid:", "webusb:", "udp:", "tcp:"};

class CliWords : public ::testing::Test {
 protected:
  test_support::RunResult on_bus(std::vector<std::string> args) {
    args.insert(args.begin(), test_support::coldcheck_binary());
    const auto env = bus_.environment();
    return run(args, std::chrono::seconds(60), &env);
  }
  usb_bus::UsbBus bus_;
};

TEST_F(CliWords, EveryDeviceOptionHelpNamesEveryScheme) {
  for (const std::string command : {"info", "diagnose", "check-backup", "verify"}) {
    const auto r = on_bus({command, "--help"});
    ASSERT_EQ(r.exit_code, 0) << command << ": " << r.err;
    for (const auto& scheme : kSchemes) EXPECT_THAT(r.out, HasSubstr(scheme)) << command << " --help";
  }
}

TEST_F(CliWords, ListHelpSaysWhichEmulatorsItProbesAndListDoesExactlyThat) {
  const auto help = on_bus({"list", "--help"});
  ASSERT_EQ(help.exit_code, 0);
  std::string words;  // the help as one line: program_options wraps it
  for (char c : help.out) {
    if (c == '\n' || c == ' ') {
      if (!words.empty() && words.back() != ' ') words += ' ';
    } else {
      words += c;
    }
  }
  EXPECT_THAT(words, HasSubstr("none is probed unless named"));
  EXPECT_THAT(words, HasSubstr("tcp:HOST:PORT"));

  const auto nothing = on_bus({"list", "--json"});
  ASSERT_EQ(nothing.exit_code, 0) << nothing.err;
  EXPECT_THAT(nothing.out, Not(HasSubstr("udp:"))) << "list probed an emulator nobody named";

  sim::Simulator sim(sim::builtin_scenario("healthy-safe3"));
  sim.start();
  const std::string path = "udp:127.0.0.1:" + std::to_string(sim.port());
  const auto named = on_bus({"list", "--json", "--emulator", path});
  ASSERT_EQ(named.exit_code, 0) << named.err;
  EXPECT_THAT(named.out, HasSubstr(path));
}

TEST_F(CliWords, NotFoundMessagesNameTheSchemes) {
  const std::vector<std::vector<std::string>> cases = {
      {"info", "--device", "hid:/dev/hidraw77"},
      {"info", "--device", "webusb:009-9"},
      {"info"},
      {"verify"},
  };
  for (const auto& args : cases) {
    const auto r = on_bus(args);
    EXPECT_EQ(r.exit_code, 3) << args.back() << ": " << r.err;
    for (const auto& scheme : kSchemes) EXPECT_THAT(r.err, HasSubstr(scheme)) << args.back();
  }
}

TEST_F(CliWords, JsonOnStdoutEndsWithANewline) {
  sim::Simulator sim(sim::builtin_scenario("healthy-safe3"));
  sim.start();
  const std::string path = "udp:127.0.0.1:" + std::to_string(sim.port());
  for (const auto& args : std::vector<std::vector<std::string>>{{"list", "--json"},
                                                                {"list", "--json", "--emulator", path},
                                                                {"info", "--json", "--device", path},
                                                                {"verify", "--json", "--device", path}}) {
    const auto r = on_bus(args);
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 12) << args[0] << ": " << r.err;
    ASSERT_FALSE(r.out.empty()) << args[0];
    EXPECT_EQ(r.out.back(), '\n') << args[0] << " " << args.back();
    EXPECT_EQ(r.out.find_first_not_of(" \n"), 0u);
  }
}

}  // namespace
}  // namespace cc
