// The golden verdict table over the emulator transports: every built-in scenario over
// udp, and a Ledger's over tcp (Speculos APDU) too, through the real binary, one
// simulator per scenario. The USB tier checks its rows of the same table
// (tests/umockdev/usb_verdict_table_test.cpp).
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "sim/simulator.hpp"
#include "support/subprocess.hpp"
#include "support/verdict_table.hpp"

namespace cc {
namespace {

namespace fs = std::filesystem;
namespace rp = ::coldcheck::report;

struct Diagnosed {
  int exit_code = -1;
  rp::Report report;
};

Diagnosed diagnose(const std::string& device, const fs::path& dir) {
  const fs::path out = dir / "report.json";
  fs::remove(out);
  const auto r = test_support::run({test_support::coldcheck_binary(), "diagnose", "--device", device, "--key",
                                    (dir / "key").string(), "--out", out.string(), "--lang", "en", "-q",
                                    "--firmware-dir", std::string(CC_SOURCE_DIR) + "/firmware_fixtures/images"});
  Diagnosed d;
  d.exit_code = r.exit_code;
  std::ifstream in(out);
  std::ostringstream s;
  s << in.rdbuf();
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(s.str(), &d.report).ok())
      << device << ": no report written (exit " << r.exit_code << ")\n"
      << r.err;
  return d;
}

class VerdictTable : public ::testing::TestWithParam<std::string> {};

TEST_P(VerdictTable, EmulatorTransportsGiveTheTableRows) {
  const std::string& name = GetParam();
  const fs::path dir = fs::temp_directory_path() / ("cc-verdicts-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  const auto scenario = sim::builtin_scenario(name);
  sim::Simulator simulator(scenario);
  simulator.start();
  std::vector<std::string> got;
  const auto udp = diagnose("udp:127.0.0.1:" + std::to_string(simulator.port()), dir);
  got.push_back(test_support::verdict_row(name, "udp", udp.exit_code, udp.report));
  if (simulator.tcp_port() != 0) {
    const auto tcp = diagnose("tcp:127.0.0.1:" + std::to_string(simulator.tcp_port()), dir);
    got.push_back(test_support::verdict_row(name, "tcp", tcp.exit_code, tcp.report));
  }
  fs::remove_all(dir);
  const auto diff = test_support::verdict_diff(test_support::load_verdict_table(), name, {"udp", "tcp"}, got);
  EXPECT_TRUE(diff.empty()) << "tests/data/verdicts.table disagrees (- table, + this run):\n" << diff;
}

INSTANTIATE_TEST_SUITE_P(Scenarios, VerdictTable, ::testing::ValuesIn(sim::builtin_scenario_names()),
                         [](const auto& p) {
                           std::string n = p.param;
                           for (auto& c : n) {
                             if (c == '-') c = '_';
                           }
                           return n;
                         });

// Every row names a built-in scenario (a removed one leaves no stale row behind), and
// every scenario has its udp row.
TEST(VerdictTableFile, RowsAreForBuiltinScenarios) {
  const auto table = test_support::load_verdict_table();
  const auto names = sim::builtin_scenario_names();
  const std::set<std::string> known(names.begin(), names.end());
  for (const auto& [key, row] : table) {
    const std::string scenario = key.substr(0, key.find(' '));
    if (scenario.starts_with("usb-only:")) continue;  // identified from USB ids, no scenario
    EXPECT_EQ(known.count(scenario), 1u) << row;
  }
  for (const auto& n : names) EXPECT_EQ(table.count(n + " udp"), 1u) << n;
}

}  // namespace
}  // namespace cc
