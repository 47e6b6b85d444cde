// Debian's trezorctl runs the Trezor One backup check against the simulator the way a
// person does on a terminal: `device recover --dry-run -t matrix`, PIN positions at
// its hidden prompt, one keypress per word grid read off the simulated screen.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <iostream>
#include <thread>

#include "sim/debug_client.hpp"
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
  }

  struct Run {
    std::string out;
    int code = -1;
    std::string lost;  // why the keys could not be delivered; empty when they were
  };

  // One run against a fresh simulated device, picking `typed` on the grids.
  Run attempt(const std::vector<std::string>& typed) {
    Simulator sim(scenario_);
    sim.start();
    const std::string debug = "udp:127.0.0.1:" + std::to_string(sim.debug_port());
    test_support::Interactive p({kTrezorctl, "-p", "udp:127.0.0.1:" + std::to_string(sim.port()), "device", "recover",
                                 "--dry-run", "-t", "matrix", "-w", "12"},
                                /*pty=*/true, {"PATH=/usr/bin:/bin", "LC_ALL=C.UTF-8"});
    if (!p.expect("Please enter current PIN")) return {p.output(), p.wait(5s), "no PIN prompt"};
    // getpass switches echo off with TCSAFLUSH, which drops input typed before it did.
    p.wait_echo_off();
    p.send_line(test_support::pin_positions(debug, scenario_.pin()));
    DebugClient screen(debug);  // one socket for the whole run, as one pair of eyes
    for (const auto& word : typed) {
      for (int level = 0; level < 4; ++level) {
        // The grid changes after every keypress; `before` is the grid the cell was read from.
        std::string before;
        int cell = 0;
        for (int i = 0; i < 200 && cell == 0; ++i) {
          before = screen.screen();
          cell = test_support::word_cell(screen, word);
          if (cell == 0) std::this_thread::sleep_for(10ms);
        }
        if (cell == 0) return {p.output(), p.wait(5s), "'" + word + "' is not on the grid:\n" + before};
        // click.getchar() enters raw mode with TCSAFLUSH, dropping a key sent before it.
        p.wait_raw_mode();
        p.send(std::to_string(cell));  // one key, no Enter: trezorctl reads a single char
        bool moved = false;
        for (int i = 0; i < 500 && !moved; ++i) {  // 10 s: CI runs this beside other tests
          moved = screen.screen() != before;
          if (!moved) std::this_thread::sleep_for(20ms);
        }
        if (!moved) return {p.output(), p.wait(5s), "key " + std::to_string(cell) + " never reached the device"};
      }
    }
    const int code = p.wait(30s);
    return {p.output(), code, {}};
  }

  // Under a loaded machine trezorctl now and then loses a keypress in its raw-mode
  // switch (its TCSAFLUSH races the key); that is the terminal's doing, not the
  // protocol's, so a run whose keys did not all arrive is repeated, at most 3 times.
  Run check(const std::vector<std::string>& typed) {
    Run run;
    for (int i = 0; i < 3; ++i) {
      run = attempt(typed);
      if (run.lost.empty()) return run;
      std::cerr << "trezorctl run " << (i + 1) << ": " << run.lost << "; trying again\n";
    }
    ADD_FAILURE() << "three runs lost keys; last: " << run.lost << "\n" << run.out;
    return run;
  }

  Scenario scenario_;
};

TEST_F(TrezorctlRecover, MatrixDryRunWithTheRightWordsMatches) {
  const auto [out, code, lost] = check(words(scenario_.mnemonic()));
  EXPECT_THAT(out, HasSubstr("The seed is valid and matches the one in the device"));
  EXPECT_EQ(code, 0) << out;
}

TEST_F(TrezorctlRecover, MatrixDryRunWithOtherWordsDoesNotMatch) {
  auto other = words(scenario_.mnemonic());
  other.back() = "abandon";
  const auto [out, code, lost] = check(other);
  EXPECT_THAT(out, HasSubstr("does not match"));
  EXPECT_NE(code, 0) << out;
}

}  // namespace
}  // namespace cc::sim
