// The golden verdict table over USB: each built-in scenario the emulated bus can carry,
// behind every USB transport its catalog model has in that mode (hid, webusb), and the
// families identified from USB ids alone; compared with tests/data/verdicts.table. One
// simulator per scenario serves every transport.
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "catalog/catalog.hpp"
#include "coldcheck/facts.pb.h"
#include "sim/simulator.hpp"
#include "support/subprocess.hpp"
#include "support/verdict_table.hpp"
#include "umockdev/usb_bus.hpp"

namespace cc {
namespace {

namespace fs = std::filesystem;
namespace rp = ::coldcheck::report;
namespace cat = ::coldcheck::catalog;

struct Transport {
  cat::Transport kind;
  const char* name;
};
constexpr Transport kUsbTransports[] = {{cat::TRANSPORT_HID, "hid"}, {cat::TRANSPORT_WEBUSB, "webusb"}};

class UsbVerdicts : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cc-usb-verdicts-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // One diagnosis of `spec` on a fresh bus; its table row.
  std::string row_for(const std::string& scenario, const std::string& transport, const usb_bus::DeviceSpec& spec) {
    usb_bus::UsbBus bus;
    const auto plugged = bus.plug(spec);
    const auto env = bus.environment();
    const fs::path out = dir_ / "report.json";
    fs::remove(out);
    const auto r = test_support::run({test_support::coldcheck_binary(), "diagnose", "--device", plugged.device_path,
                                      "--key", (dir_ / "key").string(), "--out", out.string(), "--lang", "en", "-q",
                                      "--firmware-dir", std::string(CC_SOURCE_DIR) + "/firmware_fixtures/images"},
                                     std::chrono::seconds(60), &env);
    std::ifstream in(out);
    std::ostringstream s;
    s << in.rdbuf();
    rp::Report report;
    EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(s.str(), &report).ok())
        << plugged.device_path << ": no report (exit " << r.exit_code << ")\n"
        << r.err;
    return test_support::verdict_row(scenario, transport, r.exit_code, report);
  }

  fs::path dir_;
};

class UsbVerdictTable : public UsbVerdicts, public ::testing::WithParamInterface<std::string> {};

// The catalog model a scenario claims to be, for one that does not name it over udp (a
// Ledger inside an app or locked; a fault that garbles every answer): by its Ledger
// target id or its Features internal_model, as the catalog lists them.
std::string claimed_model(const sim::Scenario& s) {
  for (const auto& m : catalog::Catalog::builtin().models()) {
    if (s.has_ledger()) {
      for (const auto id : m.ledger_target_ids()) {
        if (id == s.ledger().target_id()) return m.id();
      }
    } else if (!s.features().internal_model().empty()) {
      for (const auto& im : m.features_match().internal_model()) {
        if (im == s.features().internal_model()) return m.id();
      }
    }
  }
  return {};
}

TEST_P(UsbVerdictTable, UsbTransportsGiveTheTableRows) {
  const std::string& name = GetParam();
  const auto scenario = sim::builtin_scenario(name);
  sim::Simulator simulator(scenario);
  simulator.start();
  // Which model and mode the scenario is: as the device itself says over udp.
  const auto info = test_support::run({test_support::coldcheck_binary(), "info", "--device",
                                       "udp:127.0.0.1:" + std::to_string(simulator.port()), "--json"});
  ::coldcheck::DeviceFacts facts;
  if (info.exit_code != 0 || !google::protobuf::util::JsonStringToMessage(info.out, &facts).ok() ||
      facts.catalog_id().empty()) {
    facts.set_catalog_id(claimed_model(scenario));
    facts.set_mode(::coldcheck::DEVICE_MODE_FIRMWARE);
  }
  ASSERT_FALSE(facts.catalog_id().empty()) << name << ": no catalog model to present it under";
  const auto mode = facts.mode() == ::coldcheck::DEVICE_MODE_BOOTLOADER ? cat::MODE_BOOTLOADER : cat::MODE_FIRMWARE;
  std::vector<std::string> got;
  for (const auto& t : kUsbTransports) {
    usb_bus::DeviceSpec spec;
    try {
      spec = usb_bus::spec_from_catalog(facts.catalog_id(), mode, t.kind);
    } catch (const std::runtime_error&) {
      continue;  // the model has no such USB interface in this mode
    }
    spec.simulator_port = simulator.port();
    got.push_back(row_for(name, t.name, spec));
  }
  const auto diff = test_support::verdict_diff(test_support::load_verdict_table(), name, {"hid", "webusb"}, got);
  EXPECT_TRUE(diff.empty()) << "tests/data/verdicts.table disagrees (- table, + this run):\n" << diff;
}

INSTANTIATE_TEST_SUITE_P(Scenarios, UsbVerdictTable, ::testing::ValuesIn(sim::builtin_scenario_names()),
                         [](const auto& p) {
                           std::string n = p.param;
                           for (auto& c : n) {
                             if (c == '-') c = '_';
                           }
                           return n;
                         });

// Families coldcheck identifies from USB ids alone: no simulator behind the node.
TEST_F(UsbVerdicts, IdentifiedFromUsbIdsOnly) {
  struct Only {
    const char* key;
    const char* model;
    cat::Mode mode;
    cat::Transport transport;
    const char* transport_name;
    const char* product;
  };
  const Only rows[] = {
      {"usb-only:bitbox02", "bitbox02", cat::MODE_FIRMWARE, cat::TRANSPORT_HID, "hid", "BitBox02"},
      {"usb-only:bitbox02-bootloader", "bitbox02", cat::MODE_BOOTLOADER, cat::TRANSPORT_HID, "hid", "bb02-bootloader"},
      {"usb-only:coldcard", "coldcard", cat::MODE_FIRMWARE, cat::TRANSPORT_HID, "hid", nullptr},
      {"usb-only:jade", "blockstream-jade", cat::MODE_FIRMWARE, cat::TRANSPORT_SERIAL, "serial", nullptr},
  };
  const auto table = test_support::load_verdict_table();
  std::string diff;
  for (const auto& o : rows) {
    auto spec = usb_bus::spec_from_catalog(o.model, o.mode, o.transport);
    if (o.product != nullptr) spec.product = o.product;
    diff += test_support::verdict_diff(table, o.key, {o.transport_name}, {row_for(o.key, o.transport_name, spec)});
  }
  EXPECT_TRUE(diff.empty()) << "tests/data/verdicts.table disagrees (- table, + this run):\n" << diff;
}

}  // namespace
}  // namespace cc
