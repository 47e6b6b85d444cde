// The real coldcheck binary against `coldcheck simulate` over real UDP sockets.
#include <google/protobuf/util/json_util.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "coldcheck/facts.pb.h"
#include "sim/simulator.hpp"
#include "support/subprocess.hpp"

namespace cc {
namespace {

using test_support::run;
using test_support::start_simulator;
using ::testing::HasSubstr;

std::string cc_bin() { return test_support::coldcheck_binary(); }

::coldcheck::DeviceFacts parse_facts(const std::string& json) {
  ::coldcheck::DeviceFacts facts;
  const auto status = google::protobuf::util::JsonStringToMessage(json, &facts);
  EXPECT_TRUE(status.ok()) << status.ToString() << "\n" << json;
  return facts;
}

std::size_t line_count(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

// A UDP port on loopback that nothing listens on: bound, then closed.
unsigned closed_udp_port() {
  const int fd = socket(AF_INET, SOCK_DGRAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

class InfoPerScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(InfoPerScenario, JsonShowsTheScenarioValues) {
  const auto scenario = sim::builtin_scenario(GetParam());
  const auto& f = scenario.features();
  auto sim = start_simulator(GetParam());
  const auto r = run({cc_bin(), "info", "--device", sim.path(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto facts = parse_facts(r.out);

  const std::string reported = std::to_string(f.major_version()) + "." + std::to_string(f.minor_version()) + "." +
                               std::to_string(f.patch_version());
  EXPECT_EQ(facts.path(), sim.path());
  EXPECT_TRUE(facts.emulator());
  EXPECT_EQ(facts.protocol_vendor(), f.vendor());
  EXPECT_FALSE(facts.model_name().empty()) << "catalog did not recognise " << f.model();
  if (f.bootloader_mode()) {
    EXPECT_EQ(facts.mode(), ::coldcheck::DEVICE_MODE_BOOTLOADER);
    EXPECT_EQ(facts.bootloader_version(), reported);
    if (f.has_fw_major()) {
      EXPECT_EQ(facts.firmware_version(),
                std::to_string(f.fw_major()) + "." + std::to_string(f.fw_minor()) + "." + std::to_string(f.fw_patch()));
    }
  } else {
    EXPECT_EQ(facts.mode(), ::coldcheck::DEVICE_MODE_FIRMWARE);
    EXPECT_EQ(facts.firmware_version(), reported);
    EXPECT_EQ(facts.initialized(), f.initialized());
    EXPECT_EQ(facts.pin_protection(), f.pin_protection());
    if (f.has_unlocked()) {
      EXPECT_EQ(facts.unlocked(), f.unlocked());
    }
    EXPECT_EQ(facts.passphrase_protection(), f.passphrase_protection());
  }
  if (f.has_model()) {
    EXPECT_EQ(facts.protocol_model(), f.model());
  }
  if (f.has_internal_model()) {
    EXPECT_EQ(facts.internal_model(), f.internal_model());
  }
}

TEST_P(InfoPerScenario, TextNamesTheModel) {
  auto sim = start_simulator(GetParam());
  const auto r = run({cc_bin(), "info", "--device", sim.path()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto facts_json = run({cc_bin(), "info", "--device", sim.path(), "--json"});
  const auto facts = parse_facts(facts_json.out);
  EXPECT_THAT(r.out, HasSubstr(facts.model_name()));
  EXPECT_THAT(r.out, HasSubstr("emulator or simulator"));
}

TEST(Info, SpeaksSimplifiedChinese) {
  auto sim = start_simulator("healthy-safe3");
  const auto r = run({cc_bin(), "info", "--device", sim.path(), "--lang", "zh-CN"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Row names in Chinese, aligned by columns (设备 takes four of the fourteen), values as read.
  EXPECT_THAT(r.out, HasSubstr("  \xe8\xae\xbe\xe5\xa4\x87          Trezor Safe 3"));  // 设备
  EXPECT_THAT(r.out, HasSubstr("\xe6\xa8\xa1\xe6\x8b\x9f\xe5\x99\xa8"));               // 模拟器
  EXPECT_THAT(r.out, ::testing::Not(HasSubstr("capabilities")));
  EXPECT_THAT(r.out, ::testing::Not(HasSubstr("emulator or simulator")));
  EXPECT_EQ(run({cc_bin(), "info", "--device", sim.path(), "--lang", "fr"}).exit_code, 2);
}

INSTANTIATE_TEST_SUITE_P(Scenarios, InfoPerScenario,
                         ::testing::Values("healthy-safe3", "healthy-model-t", "outdated-trezor-one", "bootloader-mode",
                                           "uninitialized", "locked"),
                         [](const auto& p) {
                           std::string n = p.param;
                           for (char& c : n) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return n;
                         });

struct FaultCase {
  std::string scenario;
  int exit_code;
  std::string code_name;
};

class InfoFault : public ::testing::TestWithParam<FaultCase> {};

TEST_P(InfoFault, EndsInOneLineErrorNamingTheCause) {
  const auto& c = GetParam();
  auto sim = start_simulator(c.scenario);
  const auto r = run({cc_bin(), "info", "--device", sim.path(), "--timeout-ms", "800"}, std::chrono::seconds(30));
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, c.exit_code) << r.err;
  EXPECT_EQ(line_count(r.err), 1u) << r.err;
  EXPECT_THAT(r.err, HasSubstr("coldcheck: " + c.code_name + ": "));
  EXPECT_THAT(r.err, HasSubstr(sim.path()));
  EXPECT_TRUE(r.out.empty()) << r.out;
}

INSTANTIATE_TEST_SUITE_P(Faults, InfoFault,
                         ::testing::Values(FaultCase{"fault-garbage", 8, "malformed"},
                                           FaultCase{"fault-wrong-magic", 8, "malformed"},
                                           FaultCase{"fault-oversized", 8, "malformed"},
                                           FaultCase{"fault-silence", 6, "timeout"},
                                           FaultCase{"fault-truncated", 6, "timeout"}),
                         [](const auto& p) {
                           std::string n = p.param.scenario;
                           for (char& c : n) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return n;
                         });

TEST(Info, UnreachableEndpointIsAOneLineError) {
  const auto port = closed_udp_port();
  const auto r = run({cc_bin(), "info", "--device", "udp:127.0.0.1:" + std::to_string(port)}, std::chrono::seconds(30));
  EXPECT_FALSE(r.timed_out);
  EXPECT_TRUE(r.exit_code == 6 || r.exit_code == 7) << r.exit_code << " " << r.err;
  EXPECT_EQ(line_count(r.err), 1u) << r.err;
  EXPECT_THAT(r.err, HasSubstr(std::to_string(port)));
}

TEST(Info, BadDevicePathIsAUsageError) {
  const auto r = run({cc_bin(), "info", "--device", "usb:nonsense"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("invalid_argument"));
}

TEST(Info, NoDeviceOnThisMachineSaysWhy) {
  const auto r = run({cc_bin(), "info"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_THAT(r.err, HasSubstr("no hardware wallet found"));
}

TEST(List, NoDeviceIsNotAnError) {
  const auto r = run({cc_bin(), "list"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("no hardware wallet found"));
}

TEST(List, SpeaksSimplifiedChinese) {
  const auto r = run({cc_bin(), "list", "--lang", "zh-CN"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(
      r.out,
      HasSubstr(
          "\xe6\x9c\xaa\xe6\x89\xbe\xe5\x88\xb0\xe7\xa1\xac\xe4\xbb\xb6\xe9\x92\xb1\xe5\x8c\x85"));  // 未找到硬件钱包
  auto sim = start_simulator("healthy-model-t");
  const auto one = run({cc_bin(), "list", "--lang", "zh-CN", "--emulator", sim.path()});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_THAT(one.out, HasSubstr("\xe5\xb0\xb1\xe7\xbb\xaa"));  // 就绪
  EXPECT_THAT(one.out, ::testing::Not(HasSubstr("ready")));
}

TEST(List, EmulatorEndpointsAreIdentifiedOrMarkedUnreachable) {
  auto sim = start_simulator("healthy-model-t");
  const std::string dead = "udp:127.0.0.1:" + std::to_string(closed_udp_port());
  const auto r = run({cc_bin(), "list", "--json", "--emulator", sim.path(), "--emulator", dead});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ::coldcheck::DeviceList list;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(r.out, &list).ok()) << r.out;
  ASSERT_EQ(list.devices_size(), 2) << r.out;
  bool saw_live = false;
  bool saw_dead = false;
  for (const auto& d : list.devices()) {
    if (d.path() == sim.path()) {
      saw_live = true;
      EXPECT_EQ(d.state(), ::coldcheck::ACCESS_READY);
      EXPECT_EQ(d.model_name(), "Trezor Model T");
      EXPECT_EQ(d.mode(), ::coldcheck::DEVICE_MODE_FIRMWARE);
    } else if (d.path() == dead) {
      saw_dead = true;
      EXPECT_EQ(d.state(), ::coldcheck::ACCESS_UNREACHABLE);
      EXPECT_FALSE(d.detail().empty());
    }
  }
  EXPECT_TRUE(saw_live && saw_dead) << r.out;
}

TEST(Cli, EveryCommandHasHelp) {
  for (const char* cmd : {"list", "info", "simulate", "udev-rules"}) {
    const auto r = run({cc_bin(), cmd, "--help"});
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_THAT(r.out, HasSubstr(std::string("usage: coldcheck ") + cmd)) << cmd;
  }
  const auto top = run({cc_bin(), "--help"});
  EXPECT_EQ(top.exit_code, 0);
  EXPECT_THAT(top.out, HasSubstr("never asks for your recovery phrase"));
  EXPECT_THAT(top.out, HasSubstr("exit codes"));
}

TEST(Cli, VersionAndUnknownCommand) {
  const auto v = run({cc_bin(), "--version"});
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_THAT(v.out, ::testing::MatchesRegex("coldcheck [0-9]+\\.[0-9]+\\.[0-9]+\n"));
  const auto u = run({cc_bin(), "frobnicate"});
  EXPECT_EQ(u.exit_code, 2);
  EXPECT_THAT(u.err, HasSubstr("unknown command 'frobnicate'"));
  const auto bad = run({cc_bin(), "info", "--no-such-option"});
  EXPECT_EQ(bad.exit_code, 2);
}

TEST(Cli, UdevRulesMatchTheCommittedFile) {
  const auto r = run({cc_bin(), "udev-rules"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::ifstream in(std::string(CC_SOURCE_DIR) + "/udev/51-coldcheck.rules");
  std::stringstream committed;
  committed << in.rdbuf();
  EXPECT_EQ(r.out, committed.str()) << "regenerate with: build/src/cli/coldcheck udev-rules > udev/51-coldcheck.rules";
}

TEST(Simulate, UnknownScenarioListsTheKnownOnes) {
  const auto r = run({cc_bin(), "simulate", "--scenario", "no-such-scenario", "--listen", "udp:127.0.0.1:0"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_THAT(r.err, HasSubstr("healthy-safe3"));
}

TEST(Simulate, StopsCleanlyOnSigterm) {
  auto sim = start_simulator("healthy-safe3");
  EXPECT_EQ(sim.process->terminate(), 0);
}

}  // namespace
}  // namespace cc
