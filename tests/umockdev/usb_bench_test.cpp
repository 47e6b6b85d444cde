// `coldcheck watch` and `coldcheck bench` on the emulated bus: devices plugged and
// unplugged while the real binary runs, its udev monitor woken by the testbed's uevents.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <google/protobuf/util/json_util.h>

#include "coldcheck/report.pb.h"
#include "sim/simulator.hpp"
#include "support/subprocess.hpp"
#include "umockdev/event_process.hpp"
#include "umockdev/usb_bus.hpp"

namespace cc {
namespace {

namespace cat = ::coldcheck::catalog;
namespace fs = std::filesystem;
namespace rp = ::coldcheck::report;
using ::testing::HasSubstr;
using usb_bus::EventProcess;
constexpr auto kWait = std::chrono::seconds(30);

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<fs::path> reports_in(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".json") out.push_back(e.path());
  }
  return out;
}

class UsbBench : public ::testing::Test {
 protected:
  void SetUp() override {
    bus_.announce_uevents(true);
    dir_ = fs::temp_directory_path() / ("cc-usb-bench-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "out");
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<EventProcess> start(std::vector<std::string> args,
                                      EventProcess::Output output = EventProcess::Output::kPipe) {
    args.insert(args.begin(), test_support::coldcheck_binary());
    return std::make_unique<EventProcess>(args, bus_.environment(), output);
  }
  std::vector<std::string> bench_args(std::vector<std::string> more = {}) {
    std::vector<std::string> args{"bench",  "--out-dir", (dir_ / "out").string(), "--key", (dir_ / "key").string(),
                                  "--lang", "en"};
    args.insert(args.end(), more.begin(), more.end());
    return args;
  }
  usb_bus::DeviceSpec hid(const std::string& model, const sim::Simulator& sim, std::vector<std::uint8_t> ports,
                          cat::Mode mode = cat::MODE_FIRMWARE) {
    auto spec = usb_bus::spec_from_catalog(model, mode, cat::TRANSPORT_HID);
    spec.simulator_port = sim.port();
    spec.ports = std::move(ports);
    spec.serial = "CC" + std::to_string(++serial_);
    return spec;
  }
  usb_bus::DeviceSpec webusb(const std::string& model, const sim::Simulator& sim, std::vector<std::uint8_t> ports,
                             cat::Mode mode = cat::MODE_FIRMWARE) {
    auto spec = usb_bus::spec_from_catalog(model, mode, cat::TRANSPORT_WEBUSB);
    spec.simulator_port = sim.port();
    spec.ports = std::move(ports);
    spec.serial = "CC" + std::to_string(++serial_);
    return spec;
  }
  rp::Report read_report(const fs::path& p) {
    rp::Report r;
    EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(slurp(p), &r).ok()) << p;
    return r;
  }

  usb_bus::UsbBus bus_;
  fs::path dir_;
  int serial_ = 0;
};

TEST_F(UsbBench, WatchPrintsArrivalDepartureAndModeChangeWithThePort) {
  sim::Simulator firmware(sim::builtin_scenario("healthy-model-t"));
  firmware.start();
  sim::Simulator bootloader(sim::builtin_scenario("bootloader-mode"));
  bootloader.start();
  sim::Simulator one(sim::builtin_scenario("outdated-trezor-one"));
  one.start();
  const auto present = bus_.plug(hid("trezor-one", one, {2}));
  auto watch = start({"watch", "--json"});
  // What is there at the start is reported first.
  const auto first = watch->wait_for({"\"arrival\"", present.device_path}, kWait);
  ASSERT_TRUE(first) << watch->seen();
  EXPECT_THAT(*first, HasSubstr("\"port\":\"port 2\""));
  EXPECT_THAT(*first, HasSubstr("\"model\":\"Trezor One\""));
  EXPECT_THAT(*first, HasSubstr("\"access\":\"ready\""));

  const auto before = bus_.plug(webusb("trezor-model-t", firmware, {1, 3}));
  const auto arrived = watch->wait_for({"\"arrival\"", before.device_path}, kWait);
  ASSERT_TRUE(arrived) << watch->seen();
  EXPECT_THAT(*arrived, HasSubstr("\"port\":\"hub port 3\""));
  EXPECT_THAT(*arrived, HasSubstr("\"port_chain\":\"1-1.3\""));
  EXPECT_THAT(*arrived, HasSubstr("\"mode\":\"firmware\""));

  // Re-enumeration into the bootloader: a departure, then a mode change on that port.
  bus_.unplug(before);
  ASSERT_TRUE(watch->wait_for({"\"departure\"", before.device_path}, kWait)) << watch->seen();
  const auto after = bus_.plug(webusb("trezor-model-t", bootloader, {1, 3}, cat::MODE_BOOTLOADER));
  const auto changed = watch->wait_for({"\"mode_change\""}, kWait);
  ASSERT_TRUE(changed) << watch->seen();
  EXPECT_THAT(*changed, HasSubstr("\"mode\":\"bootloader\""));
  EXPECT_THAT(*changed, HasSubstr("\"previous_path\":\"" + before.device_path + "\""));
  EXPECT_THAT(*changed, HasSubstr("\"port\":\"hub port 3\""));

  bus_.unplug(present);
  ASSERT_TRUE(watch->wait_for({"\"departure\"", present.device_path}, kWait)) << watch->seen();
  EXPECT_EQ(watch->interrupt(), 0) << "Ctrl-C ends the watch cleanly";
}

TEST_F(UsbBench, OnceDiagnosesEveryFamilyPresentOneReportEachAndTheSummaryMatches) {
  sim::Simulator one(sim::builtin_scenario("outdated-trezor-one"));
  one.start();
  sim::Simulator safe(sim::builtin_scenario("healthy-safe3"));
  safe.start();
  sim::Simulator model_t(sim::builtin_scenario("healthy-model-t"));
  model_t.start();
  sim::Simulator boot(sim::builtin_scenario("bootloader-mode"));
  boot.start();
  bus_.plug(hid("trezor-one", one, {1, 1}));
  bus_.plug(webusb("trezor-safe-3", safe, {1, 2}));
  bus_.plug(webusb("trezor-model-t", model_t, {1, 3}));
  bus_.plug(webusb("trezor-model-t", boot, {1, 4}, cat::MODE_BOOTLOADER));
  auto bench = start(bench_args({"--once"}));
  const auto summary = bench->wait_for({"\"summary\""}, std::chrono::seconds(120));
  ASSERT_TRUE(summary) << bench->seen();
  EXPECT_EQ(bench->wait_exit(), 0) << bench->seen();

  const auto files = reports_in(dir_ / "out");
  EXPECT_EQ(files.size(), 4u) << bench->seen();
  EXPECT_THAT(*summary, HasSubstr("\"sessions\":4"));
  EXPECT_THAT(*summary, HasSubstr("\"reports\":" + std::to_string(files.size())));
  std::map<std::string, int> verdicts;
  std::set<std::string> pseudonyms;
  for (const auto& f : files) {
    const auto r = read_report(f);
    ++verdicts[rp::Verdict_Name(r.body().verdict())];
    EXPECT_THAT(f.filename().string(), HasSubstr(r.body().device().device_pseudonym()));
    pseudonyms.insert(r.body().device().device_pseudonym());
    const auto verify = test_support::run({test_support::coldcheck_binary(), "report", "verify", f.string()});
    EXPECT_EQ(verify.exit_code, 0) << f << "\n" << verify.out << verify.err;
    // The bench never runs the backup check.
    for (const auto& c : r.body().device().checks()) {
      if (c.id() == "backup.check") {
        EXPECT_NE(c.status(), rp::CHECK_PASS) << "backup check ran";
      }
    }
  }
  for (const auto& [verdict, n] : verdicts) {
    EXPECT_THAT(*summary, HasSubstr("\"" + verdict + "\":" + std::to_string(n))) << *summary;
  }
  std::string names;
  for (const auto& f : files) names += f.filename().string() + "\n";
  EXPECT_THAT(names, HasSubstr("-hub-port-1-"));
  EXPECT_THAT(names, HasSubstr("Trezor-One-hub-port-1-dev-"));
}

}  // namespace
}  // namespace cc
