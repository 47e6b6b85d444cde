// The simulated Ledger's answers, checked with the protocol parsers.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "protocol/ledger/apdu.hpp"
#include "protocol/ledger/status.hpp"
#include "sim/ledger_device.hpp"
#include "sim/simulator.hpp"

namespace cc::sim {
namespace {

ledger::Reply ask(const Scenario& s, const ledger::Bytes& apdu) {
  return ledger::split_reply(ledger_answer(s.ledger(), apdu));
}

TEST(LedgerSim, DashboardAnswersBothCommands) {
  const auto s = builtin_scenario("ledger-dashboard");
  const auto app = ask(s, ledger::get_app_and_version_command());
  ASSERT_EQ(app.sw, ledger::kSwOk);
  EXPECT_EQ(ledger::parse_app_and_version(app.data).name, "BOLOS");
  const auto v = ask(s, ledger::get_version_command());
  ASSERT_EQ(v.sw, ledger::kSwOk);
  const auto info = ledger::parse_version(v.data);
  EXPECT_EQ(info.target_id, 0x31100004u);
  EXPECT_EQ(info.se_version, "1.5.5");
  EXPECT_EQ(ask(s, ledger::command(0xE0, 0x99, 0, 0)).sw, ledger::kSwInsNotSupported);
  EXPECT_EQ(ask(s, {0xE0}).sw, 0x6700);
}

TEST(LedgerSim, AppLockedBootloader) {
  const auto app = builtin_scenario("ledger-app-bitcoin");
  EXPECT_EQ(ledger::parse_app_and_version(ask(app, ledger::get_app_and_version_command()).data).name, "Bitcoin");
  EXPECT_EQ(ask(app, ledger::get_version_command()).sw, ledger::kSwClaNotSupported);
  const auto locked = builtin_scenario("ledger-locked");
  EXPECT_EQ(ask(locked, ledger::get_version_command()).sw, ledger::kSwLocked);
  EXPECT_EQ(ask(locked, ledger::get_app_and_version_command()).sw, ledger::kSwLocked);
  const auto boot = builtin_scenario("ledger-bootloader");
  EXPECT_EQ(ask(boot, ledger::get_app_and_version_command()).sw, ledger::kSwInsNotSupported);
  const auto info = ledger::parse_version(ask(boot, ledger::get_version_command()).data);
  EXPECT_TRUE(info.bootloader);
  EXPECT_EQ(info.se_target_id.value_or(0), 0x33000004u);
}

TEST(LedgerSim, ScenarioRejectsTrezorFields) {
  EXPECT_THROW(parse_scenario(R"(ledger { target_id: 1 } features { vendor: "trezor.io" })", "mixed"), Error);
  EXPECT_THROW(parse_scenario(R"(ledger { se_version: "1.0.0" })", "no-target"), Error);
  EXPECT_NO_THROW(parse_scenario(R"(ledger { target_id: 0x33000004 })", "ok"));
}

TEST(LedgerSim, ServesTcpAndUdpOnOnePortNumber) {
  Simulator sim(builtin_scenario("ledger-dashboard"));
  EXPECT_NE(sim.port(), 0);
  EXPECT_EQ(sim.tcp_port(), sim.port());
  EXPECT_EQ(sim.debug_port(), 0);
}

}  // namespace
}  // namespace cc::sim
