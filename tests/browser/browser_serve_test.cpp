// The `coldcheck serve` page in headless Chromium, driven by puppeteer-core
// (serve_flow.mjs) against two simulated devices, in English and Simplified Chinese:
// sign in, diagnose, the backup check with the blank PIN grid (DeviceHands types the
// words on the simulated device), the bench table and the statistics charts; and a
// device killed while it is being read (unplug_flow.mjs).
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

#include "browser_tier.hpp"
#include "http_client.hpp"
#include "running_service.hpp"
#include "support/device_hands.hpp"
#include "support/subprocess.hpp"

namespace cc::service::testing {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

const fs::path kScript = fs::path(CC_SOURCE_DIR) / "tests/browser/serve_flow.mjs";
const fs::path kUnplugScript = fs::path(CC_SOURCE_DIR) / "tests/browser/unplug_flow.mjs";
const fs::path kPuppeteer = fs::path(CC_SOURCE_DIR) / "tests/browser/node_modules/puppeteer-core";

class BrowserServe : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (::access("/usr/bin/chromium", X_OK) != 0) CC_BROWSER_UNAVAILABLE("/usr/bin/chromium is not installed");
    if (::access("/usr/bin/node", X_OK) != 0) CC_BROWSER_UNAVAILABLE("node is not installed");
    if (!fs::exists(kPuppeteer))
      CC_BROWSER_UNAVAILABLE("puppeteer-core is not installed (scripts/setup.sh runs npm ci)");
  }
  // A directory made for the test: the exchange with the script, the screenshots.
  static fs::path made(const fs::path& dir) {
    fs::create_directories(dir);
    return dir;
  }
  static fs::path shots() { return made(fs::path(CC_BINARY_DIR) / "browser-shots"); }
  // The service offering one emulator endpoint.
  static ServiceOptions offering(const std::string& path) {
    ServiceOptions options;
    options.emulators = {transport::parse_device_path(path)};
    return options;
  }
};

TEST_P(BrowserServe, APersonCompletesADiagnosisAndABackupCheck) {
  const auto lang = GetParam();
  auto healthy = test_support::start_simulator("healthy-safe3");
  auto backup = test_support::start_simulator("backup-safe3");
  const auto debug = "udp:127.0.0.1:" + std::to_string(backup.port + 1);
  test_support::DeviceHands hands(debug, test_support::HandsScript{"12", std::vector<std::string>(12, "all"), {}, {}});
  ServiceOptions options;
  options.emulators = {transport::parse_device_path(healthy.path()), transport::parse_device_path(backup.path())};
  RunningService svc(Limits{}, 20, options);
  const auto exchange = made(svc.dir() / "exchange");
  const auto shots = BrowserServe::shots();

  // What the person reads off the device: the PIN digits' positions on its scrambled grid.
  std::atomic<bool> stop{false};
  std::thread reader([&] {
    while (!stop) {
      if (fs::exists(exchange / "need-pin") && !fs::exists(exchange / "pin.txt")) {
        std::ofstream(exchange / "pin.tmp") << test_support::pin_positions(debug, "1357");
        fs::rename(exchange / "pin.tmp", exchange / "pin.txt");
      }
      std::this_thread::sleep_for(100ms);
    }
  });
  const auto run = test_support::run({"/usr/bin/node", kScript.string(), svc.service().login_url(), lang,
                                      healthy.path(), backup.path(), exchange.string(), shots.string()},
                                     std::chrono::seconds(150));
  stop = true;
  reader.join();
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_NE(run.out.find("OK " + lang), std::string::npos) << run.out << run.err;
  EXPECT_EQ(run.out.find("1357"), std::string::npos);
}

// The simulator answers each message 300 ms late (fault-slow), so killing it when the
// page shows the device being read lands mid-read.
TEST_P(BrowserServe, ADeviceUnpluggedMidDiagnosisEndsWithoutAVerdict) {
  const auto lang = GetParam();
  auto slow = test_support::start_simulator("fault-slow");
  RunningService svc(Limits{}, 0, offering(slow.path()));
  const auto exchange = made(svc.dir() / "exchange");
  const auto shots = BrowserServe::shots();

  std::atomic<bool> stop{false};
  std::atomic<bool> killed{false};
  std::thread hands([&] {
    while (!stop && !fs::exists(exchange / "unplug")) std::this_thread::sleep_for(20ms);
    if (stop) return;
    slow.process->terminate();
    killed = true;
  });
  const auto run = test_support::run({"/usr/bin/node", kUnplugScript.string(), svc.service().login_url(), lang,
                                      slow.path(), exchange.string(), shots.string()},
                                     std::chrono::seconds(120));
  stop = true;
  hands.join();
  EXPECT_TRUE(killed) << run.out << run.err;
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_NE(run.out.find("OK unplug " + lang), std::string::npos) << run.out << run.err;
  // What the service says about it agrees with the page: cut short, no verdict.
  const auto list = round_trip(svc.port(), request("GET", "/api/v1/diagnoses", svc.port(), svc.bearer())).body;
  EXPECT_TRUE(list.find("\"state\":\"unplugged\"") != std::string::npos ||
              list.find("\"state\":\"failed\"") != std::string::npos)
      << list;
  EXPECT_EQ(list.find("\"verdict\":\"ok\""), std::string::npos) << list;
}

// The service stops while the page watches a diagnosis: the page must not wait forever
// nor guess the outcome.
TEST_P(BrowserServe, TheServiceStoppingMidDiagnosisLeavesNoGuessedVerdict) {
  const auto lang = GetParam();
  auto slow = test_support::start_simulator("fault-slow");
  auto svc = std::make_unique<RunningService>(Limits{}, 0, offering(slow.path()));
  const auto exchange = made(svc->dir() / "exchange");
  const auto shots = BrowserServe::shots();
  const auto login = svc->service().login_url();

  std::atomic<bool> stop{false};
  std::atomic<bool> stopped{false};
  std::thread hands([&] {
    while (!stop && !fs::exists(exchange / "stop-service")) std::this_thread::sleep_for(20ms);
    if (stop) return;
    svc.reset();  // its directory, the exchange one included, goes with it
    stopped = true;
  });
  const auto run = test_support::run(
      {"/usr/bin/node", kUnplugScript.string(), login, lang, slow.path(), exchange.string(), shots.string(), "service"},
      std::chrono::seconds(120));
  stop = true;
  hands.join();
  EXPECT_TRUE(stopped) << run.out << run.err;
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_NE(run.out.find("OK service gone " + lang), std::string::npos) << run.out << run.err;
}

INSTANTIATE_TEST_SUITE_P(Languages, BrowserServe, ::testing::Values("en", "zh-CN"),
                         [](const auto& p) { return p.param == "en" ? std::string("en") : std::string("zh_CN"); });

}  // namespace
}  // namespace cc::service::testing
