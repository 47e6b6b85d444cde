// `coldcheck check-backup` over WebUSB on the emulated bus: the same guided flow as over
// UDP, with the words typed on the simulated device's own screen (its debug link) and
// only PIN grid positions going through the host.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sim/simulator.hpp"
#include "support/device_hands.hpp"
#include "support/interactive.hpp"
#include "support/subprocess.hpp"
#include "umockdev/usb_bus.hpp"

namespace cc {
namespace {

namespace fs = std::filesystem;
namespace cat = ::coldcheck::catalog;
using namespace std::chrono_literals;
using test_support::DeviceHands;
using test_support::HandsScript;
using test_support::Interactive;
using ::testing::HasSubstr;

const std::vector<std::string> kPublicTestSeed(12, "all");  // backup-safe3's: public test data
constexpr const char* kPin = "1357";

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(UsbBackup, Safe3OverWebUsbMatchesAndNoWordOrPinReachesTheHost) {
  const fs::path dir = fs::temp_directory_path() / ("cc-usb-backup-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "reports");
  sim::SimulatorOptions options;
  options.debug_link = true;
  sim::Simulator sim(sim::builtin_scenario("backup-safe3"), options);
  sim.start();
  const std::string debug = "udp:127.0.0.1:" + std::to_string(sim.debug_port());

  usb_bus::UsbBus bus;
  auto spec = usb_bus::spec_from_catalog("trezor-safe-3", cat::MODE_FIRMWARE, cat::TRANSPORT_WEBUSB);
  spec.simulator_port = sim.port();
  const auto device = bus.plug(spec);

  Interactive p({test_support::coldcheck_binary(), "check-backup", "--device", device.device_path, "--key",
                 (dir / "install.key").string(), "--out-dir", (dir / "reports").string(), "--lang", "en"},
                /*pty=*/false, bus.preload_variables());
  DeviceHands hands(debug, HandsScript{"12", kPublicTestSeed, {}, {}});
  ASSERT_TRUE(p.expect("How many words does your backup have")) << p.output();
  p.send_line("12");
  ASSERT_TRUE(p.expect("Start the check on the device?")) << p.output();
  p.send_line("yes");
  ASSERT_TRUE(p.expect("PIN positions (1-9):")) << p.output();
  p.send_line(test_support::pin_positions(debug, kPin));
  ASSERT_TRUE(p.expect("Backup check: MATCHES.", 60s)) << p.output();
  EXPECT_EQ(p.wait(), 0) << p.output();
  EXPECT_GT(bus.reports_to_host(), 0);

  std::string json;
  for (const auto& e : fs::directory_iterator(dir / "reports")) {
    if (e.path().extension() == ".json") json = slurp(e.path());
  }
  EXPECT_THAT(json, HasSubstr("CC-BACKUP-VERIFIED"));
  EXPECT_EQ(json.find(device.device_path), std::string::npos) << "the USB path must appear only as a pseudonym";
  EXPECT_EQ(p.output().find(kPin), std::string::npos);
  EXPECT_EQ(json.find("all all"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace cc
