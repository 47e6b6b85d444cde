// The device chooser on a real terminal (a pty) with two devices on the emulated bus:
// whatever is typed at "which one?" is never shown again, neither by the terminal's
// echo nor in an error; a valid answer is confirmed by the device it picked.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "sim/simulator.hpp"
#include "support/interactive.hpp"
#include "support/subprocess.hpp"
#include "umockdev/usb_bus.hpp"

namespace cc {
namespace {

namespace fs = std::filesystem;
namespace cat = ::coldcheck::catalog;
using test_support::Interactive;
using ::testing::HasSubstr;
using ::testing::Not;

class Chooser : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cc-chooser-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "out");
    for (int k = 0; k < 2; ++k) {
      sims_.push_back(std::make_unique<sim::Simulator>(sim::builtin_scenario("healthy-safe3")));
      sims_.back()->start();
      auto spec = usb_bus::spec_from_catalog("trezor-safe-3", cat::MODE_FIRMWARE, cat::TRANSPORT_WEBUSB);
      spec.simulator_port = sims_.back()->port();
      spec.ports = {static_cast<std::uint8_t>(k + 1)};
      spec.serial = "CC000000000" + std::to_string(k + 1);
      bus_.plug(spec);
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<Interactive> diagnose() {
    return std::make_unique<Interactive>(
        std::vector<std::string>{test_support::coldcheck_binary(), "diagnose", "--key", (dir_ / "key").string(),
                                 "--out-dir", (dir_ / "out").string(), "--lang", "en", "-q", "--no-store",
                                 "--no-check-backup"},
        /*pty=*/true, bus_.preload_variables());
  }

  usb_bus::UsbBus bus_;
  std::vector<std::unique_ptr<sim::Simulator>> sims_;
  fs::path dir_;
};

TEST_F(Chooser, WhatIsTypedIsNeverShownBack) {
  auto p = diagnose();
  ASSERT_TRUE(p->expect("which one?")) << p->output();
  ASSERT_TRUE(p->wait_echo_off()) << "the answer is read with the terminal's echo on";
  // A person under stress may type anything here, even their recovery words.
  p->send_line("legal winner thank year wave sausage worth useful legal winner thank yellow");
  const int code = p->wait();
  EXPECT_NE(code, 0);
  EXPECT_THAT(p->output(), HasSubstr("not a number from the list"));
  for (const std::string w : {"legal", "winner", "sausage", "yellow"}) {
    EXPECT_THAT(p->output(), Not(HasSubstr(w))) << p->output();
  }
  EXPECT_TRUE(fs::is_empty(dir_ / "out")) << "nothing was chosen, so nothing was diagnosed";
}

TEST_F(Chooser, AValidChoiceIsConfirmedByTheDeviceItPicked) {
  auto p = diagnose();
  ASSERT_TRUE(p->expect("which one?")) << p->output();
  ASSERT_TRUE(p->wait_echo_off());
  p->send_line("2");
  ASSERT_TRUE(p->expect("chosen: 2) webusb:")) << p->output();
  EXPECT_EQ(p->wait(std::chrono::seconds(60)), 0) << p->output();
  EXPECT_FALSE(fs::is_empty(dir_ / "out"));
}

}  // namespace
}  // namespace cc
