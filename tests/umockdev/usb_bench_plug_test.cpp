// A running `coldcheck bench` while 32 devices of every family are plugged into the
// emulated bus one after another (with uevents, as the kernel sends them), a few pulled
// out and plugged back, one of them mid-diagnosis; then Ctrl-C. What it said, what it
// wrote and what its summary counts must all agree.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
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
using usb_bus::EventProcess;
constexpr auto kWait = std::chrono::seconds(30);

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The JSON string value of "key":"..." in a flat event line.
std::string value_of(const std::string& line, const std::string& key) {
  const std::string start = "\"" + key + "\":\"";
  const auto at = line.find(start);
  if (at == std::string::npos) return {};
  const auto end = line.find('"', at + start.size());
  return line.substr(at + start.size(), end - at - start.size());
}

// The raw JSON value of "key":{...} or "key":[...] (no nesting of the same bracket inside).
std::string object_of(const std::string& line, const std::string& key) {
  const std::string start = "\"" + key + "\":";
  const auto at = line.find(start);
  if (at == std::string::npos) return {};
  const auto open = at + start.size();
  const char close = line[open] == '{' ? '}' : ']';
  const auto end = line.find(close, open);
  return end == std::string::npos ? std::string{} : line.substr(open, end - open + 1);
}

std::string counts_json(const std::map<std::string, int>& m) {
  std::string out = "{";
  for (const auto& [k, n] : m) out += (out.size() > 1 ? "," : "") + ("\"" + k + "\":" + std::to_string(n));
  return out + "}";
}

// The whole lines of `text` (not the unfinished rest).
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t at = 0, end = text.find('\n'); end != std::string::npos; at = end + 1, end = text.find('\n', at))
    out.push_back(text.substr(at, end - at));
  return out;
}

// One device of the run: what it is and where it is plugged now.
struct Bench32Device {
  usb_bus::DeviceSpec spec;
  usb_bus::Plugged plugged;
};

class UsbBenchPlugged : public ::testing::Test {
 protected:
  void SetUp() override {
    bus_.announce_uevents(true);
    dir_ = fs::temp_directory_path() / ("cc-usb-bench32-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "out");
  }
  void TearDown() override { fs::remove_all(dir_); }

  const sim::Simulator& simulator(const ::coldcheck::sim::Scenario& scenario) {
    sims_.push_back(std::make_unique<sim::Simulator>(scenario));
    sims_.back()->start();
    return *sims_.back();
  }
  usb_bus::DeviceSpec spec(const std::string& model, cat::Transport transport, const sim::Simulator* sim,
                           std::vector<std::uint8_t> ports, cat::Mode mode = cat::MODE_FIRMWARE) {
    auto s = usb_bus::spec_from_catalog(model, mode, transport);
    if (model == "bitbox02") s.product = "BitBox02";
    s.simulator_port = sim ? sim->port() : 0;
    s.ports = std::move(ports);
    s.serial = "CC32-" + std::to_string(++serial_);
    return s;
  }

  // Whether `count` whole lines (already read, or read within kWait) hold every needle.
  // Counted over all of seen() each time: next_line may still hand out lines seen() holds.
  static bool saw(EventProcess& bench, const std::vector<std::string>& needles, std::size_t count = 1) {
    const auto matching = [&] {
      std::size_t n = 0;
      const std::string_view text = bench.seen();
      for (std::size_t at = 0, end = text.find('\n'); end != std::string_view::npos;
           at = end + 1, end = text.find('\n', at)) {
        const auto line = text.substr(at, end - at);
        bool all = true;
        for (const auto& needle : needles) all = all && line.find(needle) != std::string_view::npos;
        if (all) ++n;
      }
      return n;
    };
    const auto deadline = std::chrono::steady_clock::now() + kWait;
    while (matching() < count) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      (void)bench.next_line(std::chrono::milliseconds(200));
    }
    return true;
  }
  // The session of the first line (already read, or read within kWait) `pick` accepts.
  template <typename Pick>
  static std::string session_where(EventProcess& bench, Pick pick) {
    for (const auto& line : lines_of(bench.seen())) {
      if (pick(line)) return value_of(line, "session");
    }
    const auto deadline = std::chrono::steady_clock::now() + kWait;
    while (std::chrono::steady_clock::now() < deadline) {
      const auto line = bench.next_line(std::chrono::milliseconds(200));
      if (line && pick(*line)) return value_of(*line, "session");
    }
    return {};
  }
  static std::size_t reports_for(const EventProcess& bench, const std::string& path) {
    std::size_t n = 0;
    for (const auto& line : lines_of(bench.seen())) {
      if (line.find("\"event\":\"report\"") != std::string::npos && value_of(line, "path") == path) ++n;
    }
    return n;
  }

  usb_bus::UsbBus bus_;
  std::vector<std::unique_ptr<sim::Simulator>> sims_;
  fs::path dir_;
  int serial_ = 0;
};

TEST_F(UsbBenchPlugged, ThirtyTwoDevicesPluggedOneAfterAnotherEachGetOneVerifiedReportAndTheSummaryMatchesTheDisk) {
  struct Kind {
    const char* model;
    cat::Transport transport;
    const char* scenario;  // nullptr: identify-only, nothing answers
    cat::Mode mode;
  };
  const Kind kinds[] = {
      {"trezor-one", cat::TRANSPORT_HID, "outdated-trezor-one", cat::MODE_FIRMWARE},
      {"trezor-safe-3", cat::TRANSPORT_WEBUSB, "healthy-safe3", cat::MODE_FIRMWARE},
      {"trezor-model-t", cat::TRANSPORT_WEBUSB, "healthy-model-t", cat::MODE_FIRMWARE},
      {"trezor-model-t", cat::TRANSPORT_WEBUSB, "bootloader-mode", cat::MODE_BOOTLOADER},
      {"trezor-safe-3", cat::TRANSPORT_WEBUSB, "locked", cat::MODE_FIRMWARE},
      {"keepkey", cat::TRANSPORT_HID, "keepkey-healthy", cat::MODE_FIRMWARE},
      {"onekey-classic", cat::TRANSPORT_WEBUSB, "onekey-healthy", cat::MODE_FIRMWARE},
      {"ledger-nano-s", cat::TRANSPORT_HID, "ledger-dashboard", cat::MODE_FIRMWARE},
      {"bitbox02", cat::TRANSPORT_HID, nullptr, cat::MODE_FIRMWARE},
      {"coldcard", cat::TRANSPORT_HID, nullptr, cat::MODE_FIRMWARE},
  };
  constexpr std::size_t kDevices = 32;
  const std::vector<std::string> args{
      test_support::coldcheck_binary(), "bench",  "--out-dir", (dir_ / "out").string(), "--key",
      (dir_ / "key").string(),          "--lang", "en"};
  EventProcess bench(args, bus_.environment(), EventProcess::Output::kPipe);

  // Plugged one after another: the next only once the bench has seen the previous arrive.
  std::map<std::string, std::size_t> expected_reports;  // device path -> diagnoses it must have had
  std::vector<Bench32Device> devices;
  for (std::size_t i = 0; i < kDevices; ++i) {
    const Kind& k = kinds[i % std::size(kinds)];
    const sim::Simulator* sim = k.scenario ? &simulator(sim::builtin_scenario(k.scenario)) : nullptr;
    const auto hub = static_cast<std::uint8_t>(i / 8 + 1);
    const auto port = static_cast<std::uint8_t>(i % 8 + 1);
    Bench32Device d{spec(k.model, k.transport, sim, {hub, port}, k.mode), {}};
    d.plugged = bus_.plug(d.spec);
    ASSERT_TRUE(saw(bench, {"\"event\":\"arrival\"", "\"path\":\"" + d.plugged.device_path + "\""}))
        << i << " " << d.plugged.device_path << "\n"
        << bench.seen();
    ++expected_reports[d.plugged.device_path];
    devices.push_back(std::move(d));
  }
  ASSERT_EQ(expected_reports.size(), kDevices) << "every device has its own path";
  for (const auto& d : devices) {
    ASSERT_TRUE(saw(bench, {"\"event\":\"report\"", "\"path\":\"" + d.plugged.device_path + "\""}))
        << d.plugged.device_path << "\n"
        << bench.seen();
  }

  // Unplugged after their run and plugged back: a HID, a WebUSB and an identify-only one.
  for (const std::size_t i : {std::size_t{0}, std::size_t{6}, std::size_t{8}}) {
    auto& d = devices[i];
    bus_.unplug(d.plugged);
    ASSERT_TRUE(saw(bench, {"\"event\":\"departure\"", "\"path\":\"" + d.plugged.device_path + "\""})) << bench.seen();
    d.plugged = bus_.plug(d.spec);
    const std::size_t before = reports_for(bench, d.plugged.device_path);
    ++expected_reports[d.plugged.device_path];
    ASSERT_TRUE(saw(bench, {"\"event\":\"report\"", "\"path\":\"" + d.plugged.device_path + "\""}, before + 1))
        << "replugged " << d.plugged.device_path << "\n"
        << bench.seen();
  }

  // One more, slow, pulled out while it is being read (no report), then plugged back.
  auto slow_scenario = sim::builtin_scenario("healthy-model-t");
  slow_scenario.mutable_fault()->set_kind(::coldcheck::sim::Fault::KIND_SLOW);
  slow_scenario.mutable_fault()->set_delay_ms(200);
  const auto slow_spec = spec("trezor-model-t", cat::TRANSPORT_WEBUSB, &simulator(slow_scenario), {5, 1});
  auto slow = bus_.plug(slow_spec);
  const std::string reading = session_where(bench, [&](const std::string& line) {
    return line.find("\"event\":\"step\"") != std::string::npos && value_of(line, "path") == slow.device_path &&
           line.find("reading the device") != std::string::npos;
  });
  ASSERT_FALSE(reading.empty()) << bench.seen();
  bus_.unplug(slow);
  ASSERT_TRUE(saw(bench, {"\"event\":\"released\"", reading, "\"reason\":\"unplugged\""})) << bench.seen();
  slow = bus_.plug(slow_spec);
  expected_reports[slow.device_path] += 1;
  ASSERT_TRUE(saw(bench, {"\"event\":\"report\"", "\"path\":\"" + slow.device_path + "\""})) << bench.seen();

  ASSERT_EQ(bench.interrupt(), 0) << bench.seen();
  const auto said = lines_of(bench.seen());

  // Each device diagnosed once per plug, each run one report set.
  std::map<std::string, std::size_t> reported;  // device path -> report events
  std::set<std::string> report_sessions;
  std::set<fs::path> announced;
  for (const auto& line : said) {
    if (line.find("\"event\":\"report\"") == std::string::npos) continue;
    ++reported[value_of(line, "path")];
    const std::string session = value_of(line, "session");
    EXPECT_TRUE(report_sessions.insert(session).second) << "a second report set for one run: " << line;
    const std::string list = object_of(line, "reports");
    const std::string file = value_of("{\"f\":" + list.substr(1), "f");
    EXPECT_EQ(std::count(list.begin(), list.end(), ','), 0) << "one report (json) per run: " << line;
    EXPECT_TRUE(announced.insert(file).second) << "two runs wrote one file: " << line;
  }
  EXPECT_EQ(reported, expected_reports) << bench.seen();
  constexpr std::size_t kRuns = kDevices + 3 + 1;  // the 32, three replugs, the slow one's second run
  EXPECT_EQ(report_sessions.size(), kRuns);

  // What is on disk is exactly what was announced: no partial or temporary file.
  std::set<fs::path> on_disk;
  for (const auto& e : fs::directory_iterator(dir_ / "out")) on_disk.insert(e.path());
  EXPECT_EQ(on_disk, announced);

  std::map<std::string, int> verdicts;
  std::map<std::string, int> codes;
  for (const auto& f : on_disk) {
    rp::Report r;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(slurp(f), &r).ok()) << f;
    ++verdicts[rp::Verdict_Name(r.body().verdict())];
    std::set<std::string> once;
    for (const auto& finding : r.body().findings()) once.insert(finding.code());
    for (const auto& c : once) ++codes[c];
    const auto verify = test_support::run({test_support::coldcheck_binary(), "report", "verify", f.string()});
    EXPECT_EQ(verify.exit_code, 0) << f << "\n" << verify.out << verify.err;
    for (const auto& c : r.body().device().checks()) {
      if (c.id() == "backup.check") {
        EXPECT_NE(c.status(), rp::CHECK_PASS) << "the bench ran the backup check";
      }
    }
  }
  // Not one verdict for all: the Safe 3's test-root attestation fails over USB (STOP),
  // the others are read as far as a bench goes (ATTENTION: the backup is never checked).
  EXPECT_TRUE(verdicts.contains("VERDICT_STOP"));
  EXPECT_TRUE(verdicts.contains("VERDICT_ATTENTION"));
  EXPECT_FALSE(codes.empty());

  const auto summary = std::find_if(said.begin(), said.end(), [](const std::string& line) {
    return line.find("\"event\":\"summary\"") != std::string::npos;
  });
  ASSERT_NE(summary, said.end()) << bench.seen();
  EXPECT_THAT(*summary, ::testing::HasSubstr("\"sessions\":" + std::to_string(kRuns + 1) +
                                             ",\"reports\":" + std::to_string(kRuns)));
  EXPECT_EQ(object_of(*summary, "by_verdict"), counts_json(verdicts)) << *summary;
  EXPECT_EQ(object_of(*summary, "by_finding"), counts_json(codes)) << *summary;
  // The one run cut short is listed as unplugged, nothing else as undiagnosed.
  const std::string failures = object_of(*summary, "not_diagnosed");
  EXPECT_EQ(std::count(failures.begin(), failures.end(), '{'), 1) << failures;
  EXPECT_THAT(failures, ::testing::HasSubstr(slow.device_path)) << failures;
}

}  // namespace
}  // namespace cc
