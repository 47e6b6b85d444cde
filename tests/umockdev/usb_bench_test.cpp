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
  // Every family the catalog knows, on its own port: Trezor (HID and WebUSB, firmware,
  // bootloader, locked), KeepKey, OneKey, Ledger, and the identify-only BitBox02 and
  // Coldcard (no simulator behind them: their USB ids are all there is to read).
  std::vector<std::unique_ptr<sim::Simulator>> sims;
  const auto simulator = [&](const std::string& scenario) -> const sim::Simulator& {
    sims.push_back(std::make_unique<sim::Simulator>(sim::builtin_scenario(scenario)));
    sims.back()->start();
    return *sims.back();
  };
  bus_.plug(hid("trezor-one", simulator("outdated-trezor-one"), {1, 1}));
  bus_.plug(webusb("trezor-safe-3", simulator("healthy-safe3"), {1, 2}));
  bus_.plug(webusb("trezor-model-t", simulator("healthy-model-t"), {1, 3}));
  bus_.plug(webusb("trezor-model-t", simulator("bootloader-mode"), {1, 4}, cat::MODE_BOOTLOADER));
  bus_.plug(webusb("trezor-safe-3", simulator("locked"), {2, 1}));
  bus_.plug(hid("keepkey", simulator("keepkey-healthy"), {2, 2}));
  bus_.plug(webusb("onekey-classic", simulator("onekey-healthy"), {2, 3}));
  bus_.plug(hid("ledger-nano-s", simulator("ledger-dashboard"), {2, 4}));
  auto bitbox = usb_bus::spec_from_catalog("bitbox02", cat::MODE_FIRMWARE, cat::TRANSPORT_HID);
  bitbox.product = "BitBox02";
  bitbox.ports = {3};
  bitbox.serial = "CC-BB02";
  bus_.plug(bitbox);
  auto coldcard = usb_bus::spec_from_catalog("coldcard", cat::MODE_FIRMWARE, cat::TRANSPORT_HID);
  coldcard.ports = {4};
  coldcard.serial = "CC-COLD";
  bus_.plug(coldcard);
  constexpr std::size_t kDevices = 10;
  auto bench = start(bench_args({"--once"}));
  const auto summary = bench->wait_for({"\"summary\""}, std::chrono::seconds(120));
  ASSERT_TRUE(summary) << bench->seen();
  EXPECT_EQ(bench->wait_exit(), 0) << bench->seen();

  const auto files = reports_in(dir_ / "out");
  EXPECT_EQ(files.size(), kDevices) << bench->seen();
  EXPECT_THAT(*summary, HasSubstr("\"sessions\":" + std::to_string(kDevices)));
  EXPECT_THAT(*summary, HasSubstr("\"not_diagnosed\":[]"));
  EXPECT_THAT(*summary, HasSubstr("\"reports\":" + std::to_string(files.size())));
  std::map<std::string, int> verdicts;
  std::set<std::string> pseudonyms;
  for (const auto& f : files) {
    const auto r = read_report(f);
    ++verdicts[rp::Verdict_Name(r.body().verdict())];
    if (!r.body().device().device_pseudonym().empty()) {
      EXPECT_THAT(f.filename().string(), HasSubstr(r.body().device().device_pseudonym()));
    }
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
  EXPECT_THAT(names, HasSubstr("Trezor-One-hub-port-1-dev-"));
  for (const std::string model : {"KeepKey", "OneKey", "Ledger", "BitBox02", "Coldcard"}) {
    EXPECT_THAT(names, HasSubstr(model)) << names;
  }
  // The locked Safe 3 is diagnosed as far as it goes without a PIN: identified, a report.
  bool locked_read = false;
  for (const auto& f : files) {
    const auto r = read_report(f);
    if (f.filename().string().find("hub-port-1-") == std::string::npos &&
        f.filename().string().find("Safe-3") != std::string::npos && r.body().device().facts().pin_protection()) {
      locked_read = true;
    }
  }
  EXPECT_TRUE(locked_read) << names;
}

}  // namespace
}  // namespace cc

namespace cc {
namespace {

// The JSON value of "key":"..." in `line` (the event lines are flat objects).
std::string value_of(const std::string& line, const std::string& key) {
  const std::string start = "\"" + key + "\":\"";
  const auto at = line.find(start);
  if (at == std::string::npos) return {};
  const auto end = line.find('"', at + start.size());
  return line.substr(at + start.size(), end - at - start.size());
}

// A line already read that holds every needle.
bool already_said(const EventProcess& process, const std::vector<std::string>& needles) {
  std::istringstream lines(process.seen());
  std::string line;
  while (std::getline(lines, line)) {
    bool all = true;
    for (const auto& n : needles) all = all && line.find(n) != std::string::npos;
    if (all) return true;
  }
  return false;
}

TEST_F(UsbBench, UnplugMidDiagnosisLeavesNoReportTheOthersGoOnAndAReplugIsANewRunWithTheSamePseudonym) {
  auto slow_scenario = sim::builtin_scenario("outdated-trezor-one");
  slow_scenario.mutable_fault()->set_kind(::coldcheck::sim::Fault::KIND_SLOW);
  slow_scenario.mutable_fault()->set_delay_ms(300);
  sim::Simulator slow(slow_scenario);
  slow.start();
  sim::Simulator safe(sim::builtin_scenario("healthy-safe3"));
  safe.start();
  sim::Simulator model_t(sim::builtin_scenario("healthy-model-t"));
  model_t.start();
  auto bench = start(bench_args());

  const auto staying = bus_.plug(webusb("trezor-safe-3", safe, {1, 2}));
  const auto leaving = bus_.plug(hid("trezor-one", slow, {1, 1}));
  // The slow device is being read when it is pulled out.
  const auto reading = bench->wait_for({"\"step\"", leaving.device_path, "reading the device"}, kWait);
  ASSERT_TRUE(reading) << bench->seen();
  const std::string gone_session = value_of(*reading, "session");
  bus_.unplug(leaving);
  const auto released = bench->wait_for({"\"released\"", gone_session}, kWait);
  ASSERT_TRUE(released) << bench->seen();
  EXPECT_THAT(*released, HasSubstr("\"reason\":\"unplugged\""));
  // The other device's report may have come before or after that line.
  ASSERT_TRUE(already_said(*bench, {"\"report\"", staying.device_path}) ||
              bench->wait_for({"\"report\"", staying.device_path}, kWait))
      << bench->seen();

  // Same device, plugged back after the first full run: a new run, the same pseudonym.
  const auto first = bus_.plug(webusb("trezor-model-t", model_t, {1, 3}));
  ASSERT_TRUE(bench->wait_for({"\"report\"", first.device_path}, kWait)) << bench->seen();
  bus_.unplug(first);
  ASSERT_TRUE(bench->wait_for({"\"departure\"", first.device_path}, kWait)) << bench->seen();
  const auto again = bus_.plug(webusb("trezor-model-t", model_t, {1, 3}));
  ASSERT_TRUE(bench->wait_for({"\"report\"", again.device_path}, kWait)) << bench->seen();

  const auto summary_code = bench->interrupt();
  EXPECT_EQ(summary_code, 0) << bench->seen();
  EXPECT_THAT(bench->seen(), HasSubstr("\"event\":\"summary\""));
  const auto files = reports_in(dir_ / "out");
  ASSERT_EQ(files.size(), 3u) << "the Safe 3 and the Model T twice; nothing for the unplugged One\n" << bench->seen();
  std::map<std::string, int> by_pseudonym;
  for (const auto& f : files) {
    const auto r = read_report(f);
    EXPECT_NE(r.body().device().facts().model_name(), "Trezor One") << f;
    ++by_pseudonym[r.body().device().device_pseudonym()];
  }
  EXPECT_EQ(by_pseudonym.size(), 2u);
  bool twice = false;
  for (const auto& [p, n] : by_pseudonym) twice |= n == 2;
  EXPECT_TRUE(twice) << "the replugged Model T keeps its pseudonym";
  // No temp or partial files either.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir_ / "out")) ++entries;
  EXPECT_EQ(entries, files.size());
}

TEST_F(UsbBench, APortThatFlapsEndsWithOneReportForTheDeviceThatStayed) {
  auto slow_scenario = sim::builtin_scenario("healthy-model-t");
  slow_scenario.mutable_fault()->set_kind(::coldcheck::sim::Fault::KIND_SLOW);
  slow_scenario.mutable_fault()->set_delay_ms(200);
  sim::Simulator slow(slow_scenario);
  slow.start();
  auto bench = start(bench_args());
  usb_bus::Plugged device;
  for (int i = 0; i < 3; ++i) {  // in and out mid-run, three times, then it stays
    device = bus_.plug(webusb("trezor-model-t", slow, {1, 2}));
    ASSERT_TRUE(bench->wait_for({"\"step\"", device.device_path, "reading the device"}, kWait)) << bench->seen();
    bus_.unplug(device);
    // Its run must have ended before the port is used again: a replug at once could be
    // seen by the run's own rescan, and the run would then look failed, not unplugged.
    ASSERT_TRUE(bench->wait_for({"\"released\"", device.device_path, "\"reason\":\"unplugged\""}, kWait))
        << bench->seen();
  }
  device = bus_.plug(webusb("trezor-model-t", slow, {1, 2}));
  ASSERT_TRUE(bench->wait_for({"\"released\"", device.device_path, "\"reason\":\"done\""}, kWait)) << bench->seen();
  EXPECT_EQ(bench->interrupt(), 0);
  EXPECT_EQ(reports_in(dir_ / "out").size(), 1u) << bench->seen();
  EXPECT_THAT(bench->seen(), HasSubstr("\"sessions\":4,\"reports\":1"));
  // The three cut-off runs are said to be unplugged, not failed.
  std::size_t unplugged = 0;
  for (auto at = bench->seen().find("\"reason\":\"unplugged\""); at != std::string::npos;
       at = bench->seen().find("\"reason\":\"unplugged\"", at + 1))
    ++unplugged;
  EXPECT_EQ(unplugged, 3u) << bench->seen();
}

TEST_F(UsbBench, ASilentDeviceDelaysNobody) {
  sim::Simulator silent(sim::builtin_scenario("fault-silence"));
  silent.start();
  sim::Simulator one(sim::builtin_scenario("outdated-trezor-one"));
  one.start();
  const auto quiet = bus_.plug(webusb("trezor-model-t", silent, {1, 1}));
  const auto talking = bus_.plug(hid("trezor-one", one, {1, 2}));
  auto bench = start(bench_args({"--once"}));
  const auto summary = bench->wait_for({"\"summary\""}, std::chrono::seconds(120));
  ASSERT_TRUE(summary) << bench->seen();
  EXPECT_EQ(bench->wait_exit(), 1) << "a device could not be read\n" << bench->seen();
  EXPECT_THAT(*summary, HasSubstr("\"not_diagnosed\":[{\"port\":\"hub port 1\""));
  const std::string& out = bench->seen();
  const auto report_of_talking = out.find("\"event\":\"report\"");
  ASSERT_NE(report_of_talking, std::string::npos) << out;
  EXPECT_THAT(out.substr(report_of_talking, 400), HasSubstr(talking.device_path));
  // The silent one ends last (it waits out its reply time); the other did not wait for it.
  const auto quiet_end = out.rfind("\"released\"");
  EXPECT_THAT(out.substr(quiet_end, 400), HasSubstr(quiet.device_path));
  EXPECT_LT(report_of_talking, quiet_end);
}

TEST_F(UsbBench, ADeviceAnotherProgramHoldsIsDiagnosedAndItsRowNamesTheProgram) {
  sim::Simulator one(sim::builtin_scenario("outdated-trezor-one"));
  one.start();
  const auto device = bus_.plug(hid("trezor-one", one, {3}));
  // A program that holds the node open, named as a wallet app.
  const fs::path program = dir_ / "trezor-suite";
  fs::copy_file("/bin/sleep", program, fs::copy_options::overwrite_existing);
  test_support::Background holder(
      {"/bin/sh", "-c", "exec 3<>'" + bus_.backing_file(device) + "'; exec '" + program.string() + "' 120"});
  for (int i = 0; i < 200; ++i) {
    std::error_code ec;
    if (fs::exists("/proc/" + std::to_string(holder.pid()) + "/fd/3", ec) &&
        slurp("/proc/" + std::to_string(holder.pid()) + "/comm").starts_with("trezor-suite"))
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  auto bench = start(bench_args({"--once"}));
  const auto verdict = bench->wait_for({"\"verdict\"", device.device_path}, kWait);
  ASSERT_TRUE(verdict) << bench->seen();
  EXPECT_THAT(*verdict, HasSubstr("\"held_by\":"));
  EXPECT_THAT(value_of(*verdict, "held_by"), HasSubstr("pid " + std::to_string(holder.pid())));
  EXPECT_EQ(bench->wait_exit(), 0) << bench->seen();
}

TEST_F(UsbBench, ThirtyTwoSimulatorEndpointsEachGetOneVerifiedReport) {
  std::vector<std::unique_ptr<sim::Simulator>> sims;
  std::vector<std::string> args{"--once", "--no-usb"};
  // Every family that speaks over the emulator protocol, a locked device among them.
  const char* scenarios[] = {"healthy-safe3",   "outdated-trezor-one", "healthy-model-t",  "bootloader-mode",
                             "keepkey-healthy", "onekey-healthy",      "ledger-dashboard", "locked"};
  for (int i = 0; i < 32; ++i) {
    sims.push_back(std::make_unique<sim::Simulator>(sim::builtin_scenario(scenarios[i % 8])));
    sims.back()->start();
    args.push_back("--emulator");
    args.push_back("udp:127.0.0.1:" + std::to_string(sims.back()->port()));
  }
  auto bench = start(bench_args(args));
  const auto summary = bench->wait_for({"\"summary\""}, std::chrono::seconds(120));
  ASSERT_TRUE(summary) << bench->seen();
  EXPECT_EQ(bench->wait_exit(), 0) << bench->seen();
  const auto files = reports_in(dir_ / "out");
  EXPECT_EQ(files.size(), 32u);
  EXPECT_THAT(*summary, HasSubstr("\"sessions\":32,\"reports\":32"));
  EXPECT_THAT(*summary, HasSubstr("\"not_diagnosed\":[]"));
  std::map<std::string, int> verdicts;
  for (const auto& f : files) ++verdicts[rp::Verdict_Name(read_report(f).body().verdict())];
  for (const auto& [verdict, n] : verdicts) {
    EXPECT_THAT(*summary, HasSubstr("\"" + verdict + "\":" + std::to_string(n))) << *summary;
  }
  for (std::size_t i = 0; i < files.size(); i += 8) {  // every eighth: each verify is a process
    const auto verify = test_support::run({test_support::coldcheck_binary(), "report", "verify", files[i].string()});
    EXPECT_EQ(verify.exit_code, 0) << files[i] << "\n" << verify.out << verify.err;
  }
}

// Strips the cursor and erase sequences the live table redraws with.
std::string without_escapes(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      i += 2;
      while (i < text.size() && !(text[i] >= '@' && text[i] <= '~')) ++i;
      continue;
    }
    if (text[i] != '\r') out += text[i];
  }
  return out;
}

// Columns of a UTF-8 line, CJK counted two (what the terminal shows).
std::size_t columns(const std::string& line) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < line.size();) {
    const auto c = static_cast<unsigned char>(line[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    n += len == 3 ? 2 : 1;  // the table's wide characters are all three-byte CJK
    if (len == 3 && line.compare(i, 3, "…") == 0) n -= 1;
    i += len;
  }
  return n;
}

TEST_F(UsbBench, RunningBenchWatchesEmulatorsByLivenessProbeAndCtrlCPrintsTheSummary) {
  auto sim = std::make_unique<sim::Simulator>(sim::builtin_scenario("healthy-model-t"));
  sim->start();
  const std::string endpoint = "udp:127.0.0.1:" + std::to_string(sim->port());
  auto bench = start(bench_args({"--no-usb", "--emulator", endpoint}));
  ASSERT_TRUE(bench->wait_for({"\"arrival\"", endpoint}, kWait)) << bench->seen();
  ASSERT_TRUE(bench->wait_for({"\"report\"", endpoint}, kWait)) << bench->seen();
  sim.reset();  // the emulator goes away: three unanswered probes later it has left
  ASSERT_TRUE(bench->wait_for({"\"departure\"", endpoint}, kWait)) << bench->seen();
  EXPECT_EQ(bench->interrupt(), 0);
  EXPECT_THAT(bench->seen(), HasSubstr("\"event\":\"summary\",\"sessions\":1,\"reports\":1"));
  EXPECT_EQ(reports_in(dir_ / "out").size(), 1u);
}

class UsbBenchTerminal : public UsbBench, public ::testing::WithParamInterface<const char*> {};

TEST_P(UsbBenchTerminal, LiveTableFitsEightyColumnsOneRowPerPortAndEndsWithTheSummary) {
  const std::string lang = GetParam();
  sim::Simulator one(sim::builtin_scenario("outdated-trezor-one"));
  one.start();
  sim::Simulator safe(sim::builtin_scenario("healthy-safe3"));
  safe.start();
  bus_.plug(hid("trezor-one", one, {1, 1}));
  bus_.plug(webusb("trezor-safe-3", safe, {1, 2}));
  std::vector<std::string> args{
      "bench", "--once", "--out-dir", (dir_ / "out").string(), "--key", (dir_ / "key").string(), "--lang", lang};
  auto bench = start(args, EventProcess::Output::kTerminal);
  EXPECT_EQ(bench->wait_exit(), 0) << bench->seen();
  const std::string raw = bench->seen();
  EXPECT_THAT(raw, HasSubstr("\x1b[2K")) << "rows are redrawn in place";
  EXPECT_THAT(raw, ::testing::Not(HasSubstr("{\"event\""))) << "no JSON on a terminal";
  const std::string shown = without_escapes(raw);
  std::istringstream lines(shown);
  std::string line;
  int rows_one = 0, rows_safe = 0;
  while (std::getline(lines, line)) {
    EXPECT_LE(columns(line), 80u) << line;
    rows_one += line.find("hub port 1") == 0 && line.find("Trezor One") != std::string::npos ? 1 : 0;
    rows_safe += line.find("hub port 2") == 0 ? 1 : 0;
  }
  EXPECT_GE(rows_one, 1) << shown;
  EXPECT_GE(rows_safe, 1) << shown;
  if (lang == std::string("zh-CN")) {
    EXPECT_THAT(shown, HasSubstr("端口"));
    EXPECT_THAT(shown, HasSubstr("工作台汇总：2 个会话，已写 2 份报告"));
  } else {
    EXPECT_THAT(shown, HasSubstr("PORT"));
    EXPECT_THAT(shown, HasSubstr("bench summary: 2 sessions, 2 reports written"));
    EXPECT_THAT(shown, HasSubstr("CC-FW-SECURITY-FIX"));
  }
  EXPECT_EQ(reports_in(dir_ / "out").size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(BothLanguages, UsbBenchTerminal, ::testing::Values("en", "zh-CN"));

}  // namespace
}  // namespace cc
