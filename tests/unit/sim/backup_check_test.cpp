// The guided backup check's simulator side (issue 5) over real loopback UDP: PIN via
// the scrambled matrix, RecoveryDevice dry run on a Safe 3 (words typed on the
// device through the debug link) and on a Trezor One (Matrix entry). The host side of
// every test sends only grid positions and button acks to the main port; words are
// public test vectors and go only through the debug link.
#include <sstream>

#include <gtest/gtest.h>

#include "coldcheck/debuglink.pb.h"
#include "coldcheck/trezor.pb.h"
#include "sim/debuglink.hpp"
#include "sim/simulator.hpp"
#include "udp_client.hpp"

namespace cc::sim {
namespace {

using namespace std::chrono_literals;
using test::UdpClient;
namespace wire = ::coldcheck::wire::trezor;
namespace dbg = ::coldcheck::wire::debug;

constexpr auto kQuiet = 300ms;  // only to show that nothing arrives
// Public test vectors: the standard Trezor test seed and the BIP39 "abandon" vector.
const std::string kAll = "all all all all all all all all all all all all";
const std::string kAbandon =
    "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

class DebugClient {
 public:
  explicit DebugClient(std::uint16_t port) : udp_(port) {}
  void send(const google::protobuf::Message& m) {
    for (const auto& p : debuglink::encode(m)) udp_.send_raw(p);
  }
  dbg::DebugLinkState state() {
    send(dbg::DebugLinkGetState());
    auto raw = udp_.receive();
    if (!raw) throw std::runtime_error("no DebugLinkState");
    auto m = debuglink::decode(*raw);
    dbg::DebugLinkState s;
    s.CopyFrom(*m);
    return s;
  }
  void input(const std::string& text) {
    dbg::DebugLinkDecision d;
    d.set_input(text);
    send(d);
  }
  void press_yes() {
    dbg::DebugLinkDecision d;
    d.set_button(dbg::DebugLinkDecision::YES);
    send(d);
  }
  void press_no() {
    dbg::DebugLinkDecision d;
    d.set_button(dbg::DebugLinkDecision::NO);
    send(d);
  }

 private:
  UdpClient udp_;
};

struct Running {
  explicit Running(const std::string& name, SimulatorOptions o = {}) : sim(builtin_scenario(name), o) { sim.start(); }
  Simulator sim;
};

// What trezorlib's debuglink does: the position of each PIN digit in the matrix.
std::string positions_for(const std::string& pin, const std::string& matrix) {
  std::string out;
  for (char c : pin) out += static_cast<char>('1' + matrix.find(c));
  return out;
}

wire::RecoveryDevice dry_run(std::uint32_t words = 0) {
  wire::RecoveryDevice r;
  r.set_type(wire::RECOVERY_TYPE_DRY_RUN);
  if (words != 0) {
    r.set_word_count(words);
    r.set_input_method(wire::RECOVERY_INPUT_MATRIX);
  }
  return r;
}

// Unlocks through the matrix; `pin` is what the person reads off the scenario.
void unlock(UdpClient& host, DebugClient& debug, const std::string& pin, const wire::RecoveryDevice& request) {
  ASSERT_EQ(host.call<wire::PinMatrixRequest>(request).type(), wire::PIN_MATRIX_CURRENT);
  const auto matrix = debug.state().matrix();
  ASSERT_EQ(matrix.size(), 9u);
  wire::PinMatrixAck ack;
  ack.set_pin(positions_for(pin, matrix));
  EXPECT_EQ(host.call<wire::ButtonRequest>(ack).code(), 7u);  // ProtectCall: confirm the check
}

std::unique_ptr<google::protobuf::Message> safe3_check(const std::string& typed) {
  Running sim("backup-safe3");
  UdpClient host(sim.sim.port());
  DebugClient debug(sim.sim.debug_port());
  unlock(host, debug, "1357", dry_run());
  EXPECT_EQ(host.call<wire::ButtonRequest>(wire::ButtonAck()).code(), 12u);  // word count on screen
  host.send(wire::ButtonAck());
  EXPECT_FALSE(host.receive(kQuiet));  // the device waits for the person
  debug.input("12");
  auto input = host.receive_decoded();
  EXPECT_EQ(dynamic_cast<wire::ButtonRequest&>(*input).code(), 13u);
  host.send(wire::ButtonAck());
  const auto words = words_of(typed);
  for (std::size_t i = 0; i < words.size(); ++i) {
    EXPECT_EQ(debug.state().recovery_word_pos(), i + 1);
    debug.input(words[i]);
  }
  auto verdict = host.receive_decoded();
  EXPECT_EQ(dynamic_cast<wire::ButtonRequest&>(*verdict).code(), 1u);
  host.send(wire::ButtonAck());
  return host.receive_decoded();
}

TEST(BackupCheck, Safe3DryRunMatches) {
  auto r = safe3_check(kAll);
  ASSERT_EQ(r->GetDescriptor(), wire::Success::descriptor()) << r->ShortDebugString();
  EXPECT_EQ(dynamic_cast<wire::Success&>(*r).message(), "The seed is valid and matches the one in the device");
}

TEST(BackupCheck, Safe3DryRunMismatch) {
  auto r = safe3_check(kAbandon);
  ASSERT_EQ(r->GetDescriptor(), wire::Failure::descriptor()) << r->ShortDebugString();
  const auto& f = dynamic_cast<wire::Failure&>(*r);
  EXPECT_EQ(f.code(), wire::FAILURE_PROCESS_ERROR);
  EXPECT_EQ(f.message(), "The seed does not match the one in the device");
}

// Picks `word` on the Trezor One's grids: reads the cells off the screen (debug link)
// and sends the host only the position of the cell that holds it.
void pick_word(UdpClient& host, DebugClient& debug, const std::string& word,
               std::unique_ptr<google::protobuf::Message>& last) {
  for (int level = 0; level < 4; ++level) {
    const auto& request = dynamic_cast<wire::WordRequest&>(*last);
    EXPECT_EQ(request.type(), level == 3 ? wire::WORD_REQUEST_MATRIX6 : wire::WORD_REQUEST_MATRIX9);
    const auto state = debug.state();
    ASSERT_EQ(state.tokens_size(), 9);
    int position = 0;
    for (int k = 0; k < 9 && position == 0; ++k) {
      const std::string& cell = state.tokens(k);
      const auto dash = cell.find('-');
      const std::string first = dash == std::string::npos ? cell : cell.substr(0, dash);
      const std::string lastw = dash == std::string::npos ? cell : cell.substr(dash + 1);
      if (cell != "-" && first <= word && word <= lastw) position = k + 1;
    }
    ASSERT_NE(position, 0) << word;
    wire::WordAck ack;
    ack.set_word(std::to_string(position));  // a digit 1-9, never a word
    host.send(ack);
    last = host.receive_decoded();
    ASSERT_TRUE(last);
  }
}

std::unique_ptr<google::protobuf::Message> trezor_one_check(const std::string& typed) {
  Running sim("backup-trezor-one");
  UdpClient host(sim.sim.port());
  DebugClient debug(sim.sim.debug_port());
  unlock(host, debug, "2468", dry_run(12));
  host.send(wire::ButtonAck());
  auto last = host.receive_decoded();
  for (const auto& w : words_of(typed)) {
    pick_word(host, debug, w, last);
    if (::testing::Test::HasFatalFailure()) return nullptr;
  }
  EXPECT_EQ(dynamic_cast<wire::ButtonRequest&>(*last).code(), 1u);
  host.send(wire::ButtonAck());
  return host.receive_decoded();
}

TEST(BackupCheck, TrezorOneMatrixMatches) {
  auto r = trezor_one_check(kAll);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->GetDescriptor(), wire::Success::descriptor()) << r->ShortDebugString();
}

TEST(BackupCheck, TrezorOneMatrixMismatch) {
  auto r = trezor_one_check(kAbandon);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->GetDescriptor(), wire::Failure::descriptor()) << r->ShortDebugString();
  EXPECT_EQ(dynamic_cast<wire::Failure&>(*r).code(), wire::FAILURE_DATA_ERROR);
  EXPECT_EQ(dynamic_cast<wire::Failure&>(*r).message(), "The seed is valid but does not match the one in the device");
}

TEST(BackupCheck, TrezorOneRefusesBadWordCount) {
  Running sim("backup-trezor-one");
  UdpClient host(sim.sim.port());
  DebugClient debug(sim.sim.debug_port());
  ASSERT_EQ(host.call<wire::PinMatrixRequest>(dry_run(13)).type(), wire::PIN_MATRIX_CURRENT);
  wire::PinMatrixAck ack;
  ack.set_pin(positions_for("2468", debug.state().matrix()));
  EXPECT_EQ(host.call<wire::Failure>(ack).code(), wire::FAILURE_DATA_ERROR);
}

TEST(BackupCheck, WrongPinIsRefusedAndRightPinUnlocks) {
  Running sim("backup-safe3");
  UdpClient host(sim.sim.port());
  DebugClient debug(sim.sim.debug_port());
  ASSERT_EQ(host.call<wire::PinMatrixRequest>(dry_run()).type(), wire::PIN_MATRIX_CURRENT);
  wire::PinMatrixAck wrong;
  wrong.set_pin(positions_for("1358", debug.state().matrix()));
  const auto f = host.call<wire::Failure>(wrong);
  EXPECT_EQ(f.code(), wire::FAILURE_PIN_INVALID);
  EXPECT_FALSE(host.call<wire::Features>(wire::GetFeatures()).unlocked());
  // Not positions at all: refused the same way.
  ASSERT_EQ(host.call<wire::PinMatrixRequest>(dry_run()).type(), wire::PIN_MATRIX_CURRENT);
  wire::PinMatrixAck letters;
  letters.set_pin("12a4");
  EXPECT_EQ(host.call<wire::Failure>(letters).code(), wire::FAILURE_PIN_INVALID);
  unlock(host, debug, "1357", dry_run());
  EXPECT_TRUE(host.call<wire::Features>(wire::GetFeatures()).unlocked());
}

TEST(BackupCheck, CancelMidFlowReturnsToIdle) {
  Running sim("backup-safe3");
  UdpClient host(sim.sim.port());
  DebugClient debug(sim.sim.debug_port());
  unlock(host, debug, "1357", dry_run());
  EXPECT_EQ(host.call<wire::ButtonRequest>(wire::ButtonAck()).code(), 12u);
  host.send(wire::ButtonAck());
  debug.input("12");
  (void)host.receive_decoded();
  debug.input("all all all");
  EXPECT_EQ(host.call<wire::Failure>(wire::Cancel()).code(), wire::FAILURE_ACTION_CANCELLED);
  // Idle again: words typed now go nowhere, and a new check starts from the top.
  debug.input("all");
  EXPECT_FALSE(host.receive(kQuiet));
  EXPECT_EQ(host.call<wire::ButtonRequest>(dry_run()).code(), 7u);
  // The person says no on the device: cancelled too.
  host.call<wire::ButtonRequest>(wire::ButtonAck());
  debug.press_no();
  auto r = host.receive_decoded();
  ASSERT_EQ(r->GetDescriptor(), wire::Failure::descriptor());
  EXPECT_EQ(dynamic_cast<wire::Failure&>(*r).code(), wire::FAILURE_ACTION_CANCELLED);
}

TEST(BackupCheck, TrezorOneCancelMidWord) {
  Running sim("backup-trezor-one");
  UdpClient host(sim.sim.port());
  DebugClient debug(sim.sim.debug_port());
  unlock(host, debug, "2468", dry_run(12));
  EXPECT_EQ(host.call<wire::WordRequest>(wire::ButtonAck()).type(), wire::WORD_REQUEST_MATRIX9);
  wire::WordAck ack;
  ack.set_word("5");
  EXPECT_EQ(host.call<wire::WordRequest>(ack).type(), wire::WORD_REQUEST_MATRIX9);
  EXPECT_EQ(host.call<wire::Failure>(wire::Cancel()).code(), wire::FAILURE_ACTION_CANCELLED);
  EXPECT_EQ(debug.state().tokens_size(), 0);
  EXPECT_EQ(host.call<wire::Failure>(ack).code(), wire::FAILURE_UNEXPECTED_MESSAGE);
}

// With require_press (simulate --screen) the device needs both the host's ack and its
// own button, in either order, as hardware does.
TEST(BackupCheck, RequirePressTakesThePressBeforeOrAfterTheAck) {
  for (const bool press_first : {true, false}) {
    auto scenario = builtin_scenario("backup-safe3");
    scenario.set_require_press(true);
    Simulator sim(scenario);
    sim.start();
    UdpClient host(sim.port());
    DebugClient debug(sim.debug_port());
    unlock(host, debug, "1357", dry_run());  // ends at ButtonRequest 7: confirm the check
    if (press_first) {
      debug.press_yes();
      EXPECT_FALSE(host.receive(kQuiet)) << "a press alone must not start the check";
      EXPECT_EQ(host.call<wire::ButtonRequest>(wire::ButtonAck()).code(), 12u);
    } else {
      host.send(wire::ButtonAck());
      EXPECT_FALSE(host.receive(kQuiet)) << "an ack alone must not start the check";
      debug.press_yes();
      auto next = host.receive_decoded();
      ASSERT_NE(next, nullptr);
      EXPECT_EQ(dynamic_cast<wire::ButtonRequest&>(*next).code(), 12u);
    }
  }
}

TEST(BackupCheck, DebugLinkIsOffOnRetailScenarios) {
  Simulator retail(builtin_scenario("healthy-safe3"));
  EXPECT_EQ(retail.debug_port(), 0);
  for (const auto& name : builtin_scenario_names()) {
    const auto s = builtin_scenario(name);
    if (!s.debug_link()) {
      Simulator sim(s);
      EXPECT_EQ(sim.debug_port(), 0) << name;
    }
  }
  Simulator forced(builtin_scenario("healthy-safe3"), SimulatorOptions{"127.0.0.1", 0, true});
  EXPECT_EQ(forced.debug_port(), forced.port() + 1);
  Simulator on(builtin_scenario("backup-safe3"));
  EXPECT_EQ(on.debug_port(), on.port() + 1);
}

TEST(BackupCheck, ScenarioRejectsNonListMnemonic) {
  EXPECT_ANY_THROW(parse_scenario(R"(features { vendor: "trezor.io" major_version: 2 minor_version: 8 patch_version: 1 }
mnemonic: "all all all")",
                                  "short"));
  EXPECT_ANY_THROW(parse_scenario(R"(features { vendor: "trezor.io" major_version: 2 minor_version: 8 patch_version: 1 }
mnemonic: "all all all all all all all all all all all notaword")",
                                  "bad"));
}

}  // namespace
}  // namespace cc::sim
