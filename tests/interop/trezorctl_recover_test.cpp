// Debian's trezorctl runs the Trezor One backup check against the simulator the way a
// person does on a terminal: `device recover --dry-run -t matrix`, PIN positions at
// its hidden prompt, one keypress per word grid read off the simulated screen.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <thread>

#include "sim/simulator.hpp"
#include "support/device_hands.hpp"
#include "support/interactive.hpp"

namespace cc::sim {
namespace {

using ::testing::HasSubstr;
using namespace std::chrono_literals;

constexpr const char* kTrezorctl = "/usr/bin/trezorctl";

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size()) {
    const auto space = text.find(' ', at);
    out.push_back(text.substr(at, space - at));
    if (space == std::string::npos) break;
    at = space + 1;
  }
  return out;
}

class TrezorctlRecover : public ::testing::Test {
 protected:
  void SetUp() override {
    if (::access(kTrezorctl, X_OK) != 0) GTEST_SKIP() << kTrezorctl << " is not installed";
    scenario_ = builtin_scenario("backup-trezor-one");
    sim_ = std::make_unique<Simulator>(scenario_);
    sim_->start();
    debug_ = "udp:127.0.0.1:" + std::to_string(sim_->debug_port());
  }

  // Runs the check, picking `typed` on the grids; returns trezorctl's output and exit code.
  std::pair<std::string, int> check(const std::vector<std::string>& typed) {
    test_support::Interactive p({kTrezorctl, "-p", "udp:127.0.0.1:" + std::to_string(sim_->port()), "device",
                                 "recover", "--dry-run", "-t", "matrix", "-w", "12"},
                                /*pty=*/true, {"PATH=/usr/bin:/bin", "LC_ALL=C.UTF-8"});
    EXPECT_TRUE(p.expect("Please enter current PIN")) << p.output();
    // getpass switches echo off with TCSAFLUSH, which drops input typed before it did.
    EXPECT_TRUE(p.wait_echo_off());
    p.send_line(test_support::pin_positions(debug_, scenario_.pin()));
    for (const auto& word : typed) {
      for (int level = 0; level < 4; ++level) {
        // The grid changes after every keypress; `before` is the grid the cell was read from.
        std::string before;
        int cell = 0;
        for (int i = 0; i < 200 && cell == 0; ++i) {
          before = test_support::device_screen(debug_);
          cell = test_support::word_cell(debug_, word);
          if (cell == 0) std::this_thread::sleep_for(10ms);
        }
        if (cell == 0) {
          ADD_FAILURE() << "'" << word << "' is not on the device's grid:\n" << before << "\ntrezorctl:\n" << p.output();
          return {p.output(), p.wait(5s)};
        }
        // click.getchar() enters raw mode with TCSAFLUSH, dropping a key sent before it.
        EXPECT_TRUE(p.wait_raw_mode());
        p.send(std::to_string(cell));  // one key, no Enter: trezorctl reads a single char
        bool moved = false;
        for (int i = 0; i < 400 && !moved; ++i) {
          moved = test_support::device_screen(debug_) != before;
          if (!moved) std::this_thread::sleep_for(5ms);
        }
        if (!moved) {
          ADD_FAILURE() << "the key " << cell << " for '" << word << "' did not reach the device:\n" << before
                        << "\ntrezorctl:\n" << p.output();
          return {p.output(), p.wait(5s)};
        }
      }
    }
    const int code = p.wait(30s);
    return {p.output(), code};
  }

  Scenario scenario_;
  std::unique_ptr<Simulator> sim_;
  std::string debug_;
};

TEST_F(TrezorctlRecover, MatrixDryRunWithTheRightWordsMatches) {
  const auto [out, code] = check(words(scenario_.mnemonic()));
  EXPECT_THAT(out, HasSubstr("The seed is valid and matches the one in the device"));
  EXPECT_EQ(code, 0) << out;
}

TEST_F(TrezorctlRecover, MatrixDryRunWithOtherWordsDoesNotMatch) {
  auto other = words(scenario_.mnemonic());
  other.back() = "abandon";
  const auto [out, code] = check(other);
  EXPECT_THAT(out, HasSubstr("does not match"));
  EXPECT_NE(code, 0) << out;
}

}  // namespace
}  // namespace cc::sim
