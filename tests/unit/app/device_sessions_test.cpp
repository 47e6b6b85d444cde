// Device sessions against in-process simulators: parallel runs, one report set each,
// exclusive use of a device, cancellation, and the events a face sees.
#include "app/device_sessions.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "core/error.hpp"
#include "enumerate/bus.hpp"
#include "sim/simulator.hpp"

namespace cc::app {
namespace {

namespace fs = std::filesystem;

class EmptyBus final : public enumerate::Bus {
 protected:
  std::vector<enumerate::UsbNode> scan_nodes(const std::set<std::string>&) override { return {}; }
};

const report::Pseudonymizer& pseudonymizer() {
  static const std::vector<std::uint8_t> key(32, 0x17);
  static const report::Pseudonymizer p(key);
  return p;
}

struct RunningSim {
  explicit RunningSim(const std::string& scenario) : sim(sim::builtin_scenario(scenario)) { sim.start(); }
  transport::DevicePath udp() const { return {transport::Scheme::kUdp, "127.0.0.1", sim.port()}; }
  sim::Simulator sim;
};

struct Recorder {
  std::mutex mutex;
  std::vector<SessionEvent> events;
  void operator()(const SessionEvent& e) {
    const std::lock_guard lock(mutex);
    events.push_back(e);
  }
  int count(SessionEvent::Kind kind, const std::string& id) {
    const std::lock_guard lock(mutex);
    int n = 0;
    for (const auto& e : events) n += e.kind == kind && e.session_id == id ? 1 : 0;
    return n;
  }
};

class Sessions : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cc-sessions-" + new_session_id());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  SessionsOptions options() {
    SessionsOptions o;
    o.bus = &bus_;
    o.pseudonymize = &pseudonymizer();
    o.key_id = "test";
    o.out_dir = dir_;
    return o;
  }
  std::size_t files_on_disk() const {
    std::size_t n = 0;
    for (const auto& entry : fs::directory_iterator(dir_)) n += entry.is_regular_file() ? 1u : 0u;
    return n;
  }
  EmptyBus bus_;
  fs::path dir_;
};

TEST(SessionId, IsThirtyTwoHexDigitsAndFresh) {
  const auto a = new_session_id();
  const auto b = new_session_id();
  EXPECT_EQ(a.size(), 32u);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(a, b);
}

TEST_F(Sessions, ThreeDevicesInParallelEachGetOneReport) {
  RunningSim a("healthy-safe3"), b("outdated-trezor-one"), c("healthy-safe3");
  Recorder recorder;
  DeviceSessions sessions(catalog::Catalog::builtin(), options());
  const auto sub = sessions.subscribe([&](const SessionEvent& e) { recorder(e); });
  std::set<std::string> ids;
  for (const auto* s : {&a, &b, &c}) ids.insert(sessions.start_diagnosis({s->udp(), "", "", "", {}}));
  EXPECT_EQ(ids.size(), 3u);
  sessions.wait_idle();
  const auto all = sessions.snapshot();
  ASSERT_EQ(all.size(), 3u);
  for (const auto& info : all) {
    EXPECT_EQ(info.state, SessionState::kDone) << info.reason;
    EXPECT_EQ(info.progress, 100);
    ASSERT_EQ(info.reports.size(), 1u);
    EXPECT_TRUE(fs::exists(info.reports[0]));
    EXPECT_NE(info.reports[0].filename().string().find(info.pseudonym), std::string::npos)
        << "the name carries the pseudonym: " << info.reports[0];
    EXPECT_NE(info.verdict, ::coldcheck::report::VERDICT_UNSPECIFIED);
    EXPECT_GE(recorder.count(SessionEvent::Kind::kStep, info.id), 3);
    EXPECT_EQ(recorder.count(SessionEvent::Kind::kVerdict, info.id), 1);
    EXPECT_EQ(recorder.count(SessionEvent::Kind::kReportWritten, info.id), 1);
    EXPECT_EQ(recorder.count(SessionEvent::Kind::kReleased, info.id), 1);
  }
  EXPECT_EQ(files_on_disk(), 3u);
  // The outdated Trezor One's most urgent finding is named.
  bool outdated_named = false;
  for (const auto& info : all) outdated_named |= info.finding.find("FW") != std::string::npos;
  EXPECT_TRUE(outdated_named);
}

TEST_F(Sessions, SecondStartOnTheSameDeviceIsBusyAndNamesTheSession) {
  RunningSim a("healthy-safe3");
  DeviceSessions sessions(catalog::Catalog::builtin(), options());
  const auto id = sessions.start_diagnosis({a.udp(), "", "", "", {}});
  try {
    (void)sessions.start_diagnosis({a.udp(), "", "", "", {}});
    // The first may already have finished on a fast machine; then a second run is fine.
    EXPECT_NE(sessions.find(id)->state, SessionState::kRunning);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBusy);
    EXPECT_NE(std::string(e.what()).find(id), std::string::npos) << e.what();
  }
  sessions.wait_idle();
}

TEST_F(Sessions, ReleasedMidRunLeavesNoReportAndTheOthersGoOn) {
  // A slow device: every reply 400 ms late, so the release lands mid-diagnosis.
  auto scenario = sim::builtin_scenario("healthy-safe3");
  scenario.mutable_fault()->set_kind(::coldcheck::sim::Fault::KIND_SLOW);
  scenario.mutable_fault()->set_delay_ms(400);
  sim::Simulator slow(scenario);
  slow.start();
  const transport::DevicePath slow_path{transport::Scheme::kUdp, "127.0.0.1", slow.port()};
  RunningSim quick("healthy-safe3");
  Recorder recorder;
  DeviceSessions sessions(catalog::Catalog::builtin(), options());
  const auto sub = sessions.subscribe([&](const SessionEvent& e) { recorder(e); });
  const auto gone = sessions.start_diagnosis({slow_path, "port 1", "", "", {}});
  const auto stays = sessions.start_diagnosis({quick.udp(), "port 2", "", "", {}});
  for (int i = 0; i < 500 && sessions.find(gone)->step.rfind("reading", 0) != 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ASSERT_EQ(sessions.find(gone)->step.rfind("reading", 0), 0u) << "the run reached the device";
  sessions.release(slow_path.to_string());
  sessions.wait_idle();
  const auto unplugged = *sessions.find(gone);
  EXPECT_EQ(unplugged.state, SessionState::kUnplugged) << unplugged.reason;
  EXPECT_TRUE(unplugged.reports.empty());
  EXPECT_EQ(recorder.count(SessionEvent::Kind::kReportWritten, gone), 0);
  EXPECT_EQ(recorder.count(SessionEvent::Kind::kReleased, gone), 1);
  EXPECT_EQ(sessions.find(stays)->state, SessionState::kDone);
  EXPECT_EQ(files_on_disk(), 1u) << "only the device that stayed has a report";
  // The device is free again: a new run may start on it.
  EXPECT_NO_THROW((void)sessions.start_diagnosis({slow_path, "port 1", "", "", {}}));
  sessions.release(slow_path.to_string());
  sessions.wait_idle();
}

TEST_F(Sessions, QueuedSessionsReleasedBeforeTheyStartEndUnplugged) {
  RunningSim a("healthy-safe3"), b("healthy-safe3");
  SessionsOptions o = options();
  o.max_parallel = 1;
  DeviceSessions sessions(catalog::Catalog::builtin(), o);
  const auto first = sessions.start_diagnosis({a.udp(), "port 1", "", "", {}});
  const auto second = sessions.start_diagnosis({b.udp(), "port 2", "", "", {}});
  sessions.release(b.udp().to_string());
  sessions.wait_idle();
  EXPECT_EQ(sessions.find(first)->state, SessionState::kDone);
  EXPECT_EQ(sessions.find(second)->state, SessionState::kUnplugged);
  EXPECT_EQ(files_on_disk(), 1u);
}

TEST_F(Sessions, CancelStopsAQueuedSession) {
  RunningSim a("healthy-safe3"), b("healthy-safe3");
  SessionsOptions o = options();
  o.max_parallel = 1;
  DeviceSessions sessions(catalog::Catalog::builtin(), o);
  const auto first = sessions.start_diagnosis({a.udp(), "", "", "", {}});
  const auto second = sessions.start_diagnosis({b.udp(), "", "", "", {}});
  const bool cancelled = sessions.cancel(second);
  sessions.wait_idle();
  EXPECT_EQ(sessions.find(first)->state, SessionState::kDone);
  if (cancelled) {
    EXPECT_EQ(sessions.find(second)->state, SessionState::kCancelled);
  }
  EXPECT_FALSE(sessions.cancel(second)) << "nothing left to cancel";
  EXPECT_FALSE(sessions.cancel("no-such-session"));
}

}  // namespace
}  // namespace cc::app
