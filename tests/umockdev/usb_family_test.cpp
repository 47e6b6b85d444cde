// Every family over its real USB transport: the real coldcheck binary on an emulated bus
// (umockdev: sysfs from the catalog, /dev/hidrawN and usbfs answered by the simulator),
// compared with the same scenario over UDP. The facts and the findings must be the
// same; only what names the transport may differ.
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/message_differencer.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "coldcheck/facts.pb.h"
#include "coldcheck/report.pb.h"
#include "sim/simulator.hpp"
#include "support/subprocess.hpp"
#include "umockdev/usb_bus.hpp"

namespace cc {
namespace {

namespace fs = std::filesystem;
namespace rp = ::coldcheck::report;
namespace cat = ::coldcheck::catalog;
using test_support::run;
using ::testing::HasSubstr;

struct Row {
  std::string name;
  std::string model_id;
  cat::Mode mode = cat::MODE_FIRMWARE;
  cat::Transport transport = cat::TRANSPORT_WEBUSB;
  std::string scenario;    // empty: identified from USB alone, nothing to speak to
  std::string catalog_id;  // what list and info must name
  ::coldcheck::DeviceMode device_mode = ::coldcheck::DEVICE_MODE_FIRMWARE;
  std::string product;  // USB product string, when the catalog tells models by it
  // The simulator's secure element chains to the TEST root, which counts only for an
  // emulator: over USB the same device must fail attestation (auth.device fail,
  // CC-AUTH-FAILED, verify exit 12) where UDP passes it with CC-AUTH-TEST-ROOT.
  bool attested = false;
  // A model with no scenario of its own: a sibling's, renamed as this model reports itself.
  std::function<void(sim::Scenario&)> tweak;
};

// Features as the model names itself (catalog features_match); the rest is the sibling's.
std::function<void(sim::Scenario&)> as_model(std::string model, std::string internal_model) {
  return [=](sim::Scenario& s) {
    s.mutable_features()->set_model(model);
    s.mutable_features()->set_internal_model(internal_model);
    s.clear_attestation();  // the sibling's certificates name the sibling's model
  };
}

// A Trezor One in its bootloader (1.12.1 over WebUSB; older ones on the HID id).
void trezor_one_bootloader(sim::Scenario& s) {
  as_model("1", "T1B1")(s);
  auto* f = s.mutable_features();
  f->set_major_version(1);
  f->set_minor_version(12);
  f->set_patch_version(1);
  f->set_fw_major(1);
  f->set_fw_minor(12);
  f->set_fw_patch(1);
}

void PrintTo(const Row& row, std::ostream* os) { *os << row.name; }

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
const Row kRows[] = {
    {.name = "trezor_one_hid",
     .model_id = "trezor-one",
     .mode = cat::MODE_FIRMWARE,
     .transport = cat::TRANSPORT_HID,
     .scenario = "outdated-trezor-one",
     .catalog_id = "trezor-one"},
    {.name = "trezor_one_webusb",
     .model_id = "trezor-one",
     .scenario = "outdated-trezor-one",
     .catalog_id = "trezor-one"},
    {.name = "model_t_webusb",
     .model_id = "trezor-model-t",
     .scenario = "healthy-model-t",
     .catalog_id = "trezor-model-t"},
    {.name = "model_t_bootloader",
     .model_id = "trezor-model-t",
     .mode = cat::MODE_BOOTLOADER,
     .scenario = "bootloader-mode",
     .catalog_id = "trezor-model-t",
     .device_mode = ::coldcheck::DEVICE_MODE_BOOTLOADER},
    {.name = "safe3_webusb",
     .model_id = "trezor-safe-3",
     .scenario = "healthy-safe3",
     .catalog_id = "trezor-safe-3",
     .attested = true},
    {.name = "safe3_genuine_webusb",
     .model_id = "trezor-safe-3",
     .scenario = "genuine-safe3",
     .catalog_id = "trezor-safe-3",
     .attested = true},
    {.name = "safe3_bootloader",
     .model_id = "trezor-safe-3",
     .mode = cat::MODE_BOOTLOADER,
     .scenario = "bootloader-mode",
     .catalog_id = "trezor-safe-3",
     .device_mode = ::coldcheck::DEVICE_MODE_BOOTLOADER,
     .tweak = as_model("Safe 3", "T2B1")},
    {.name = "safe5_webusb",
     .model_id = "trezor-safe-5",
     .scenario = "healthy-safe3",
     .catalog_id = "trezor-safe-5",
     .tweak = as_model("Safe 5", "T3T1")},
    {.name = "safe5_bootloader",
     .model_id = "trezor-safe-5",
     .mode = cat::MODE_BOOTLOADER,
     .scenario = "bootloader-mode",
     .catalog_id = "trezor-safe-5",
     .device_mode = ::coldcheck::DEVICE_MODE_BOOTLOADER,
     .tweak = as_model("Safe 5", "T3T1")},
    {.name = "trezor_one_bootloader_webusb",
     .model_id = "trezor-one",
     .mode = cat::MODE_BOOTLOADER,
     .scenario = "bootloader-mode",
     .catalog_id = "trezor-one",
     .device_mode = ::coldcheck::DEVICE_MODE_BOOTLOADER,
     .tweak = trezor_one_bootloader},
    {.name = "trezor_one_bootloader_hid",
     .model_id = "trezor-one",
     .mode = cat::MODE_BOOTLOADER,
     .transport = cat::TRANSPORT_HID,
     .scenario = "bootloader-mode",
     .catalog_id = "trezor-one",
     .device_mode = ::coldcheck::DEVICE_MODE_BOOTLOADER,
     .tweak = trezor_one_bootloader},
    {.name = "keepkey_hid",
     .model_id = "keepkey",
     .transport = cat::TRANSPORT_HID,
     .scenario = "keepkey-healthy",
     .catalog_id = "keepkey"},
    {.name = "keepkey_webusb", .model_id = "keepkey", .scenario = "keepkey-healthy", .catalog_id = "keepkey"},
    {.name = "keepkey_bootloader_hid",
     .model_id = "keepkey",
     .mode = cat::MODE_BOOTLOADER,
     .transport = cat::TRANSPORT_HID,
     .scenario = "keepkey-bootloader",
     .catalog_id = "keepkey",
     .device_mode = ::coldcheck::DEVICE_MODE_BOOTLOADER},
    {.name = "keepkey_bootloader_webusb",
     .model_id = "keepkey",
     .mode = cat::MODE_BOOTLOADER,
     .scenario = "keepkey-bootloader",
     .catalog_id = "keepkey",
     .device_mode = ::coldcheck::DEVICE_MODE_BOOTLOADER},
    {.name = "onekey_webusb",
     .model_id = "onekey-classic",
     .scenario = "onekey-healthy",
     .catalog_id = "onekey-classic"},
    {.name = "onekey_bootloader",
     .model_id = "onekey-classic",
     .mode = cat::MODE_BOOTLOADER,
     .scenario = "onekey-bootloader",
     .catalog_id = "onekey-classic",
     .device_mode = ::coldcheck::DEVICE_MODE_BOOTLOADER},
    // OneKey Pro on its own id, saying trezor.io: the OneKey-only Features fields decide.
    {.name = "onekey_pro_webusb",
     .model_id = "onekey-pro",
     .scenario = "onekey-trezor-compat",
     .catalog_id = "onekey-pro"},
    {.name = "ledger_dashboard_hid",
     .model_id = "ledger-nano-s",
     .transport = cat::TRANSPORT_HID,
     .scenario = "ledger-dashboard",
     .catalog_id = "ledger-nano-s"},
    // Inside an app the Ledger does not answer the dashboard's version APDU: the model
    // stays unread over either transport (the USB product id would name it; not used yet).
    {.name = "ledger_app_hid",
     .model_id = "ledger-nano-s",
     .transport = cat::TRANSPORT_HID,
     .scenario = "ledger-app-bitcoin",
     .catalog_id = ""},
    {.name = "ledger_bootloader_hid",
     .model_id = "ledger-nano-x",
     .mode = cat::MODE_BOOTLOADER,
     .transport = cat::TRANSPORT_HID,
     .scenario = "ledger-bootloader",
     .catalog_id = "ledger-nano-x",
     .device_mode = ::coldcheck::DEVICE_MODE_BOOTLOADER},
    {.name = "bitbox02_hid",
     .model_id = "bitbox02",
     .transport = cat::TRANSPORT_HID,
     .catalog_id = "bitbox02",
     .product = "BitBox02"},
    {.name = "bitbox02_bootloader_hid",
     .model_id = "bitbox02",
     .mode = cat::MODE_BOOTLOADER,
     .transport = cat::TRANSPORT_HID,
     .catalog_id = "bitbox02",
     .device_mode = ::coldcheck::DEVICE_MODE_BOOTLOADER,
     .product = "bb02-bootloader"},
    {.name = "coldcard_hid", .model_id = "coldcard", .transport = cat::TRANSPORT_HID, .catalog_id = "coldcard"},
    {.name = "jade_serial",
     .model_id = "blockstream-jade",
     .transport = cat::TRANSPORT_SERIAL,
     .catalog_id = "blockstream-jade"},
};
#pragma GCC diagnostic pop

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

template <typename M>
M parse_json(const std::string& json) {
  M m;
  const auto status = google::protobuf::util::JsonStringToMessage(json, &m);
  EXPECT_TRUE(status.ok()) << status.ToString() << "\n" << json;
  return m;
}

// What legitimately names the transport: an emulator over UDP says so, a USB device
// does not.
void drop_transport_fields(::coldcheck::DeviceFacts& facts) {
  facts.clear_emulator();
  facts.clear_path();
}

class UsbFamily : public ::testing::TestWithParam<Row> {
 protected:
  void SetUp() override {
    const Row& row = GetParam();
    dir_ = fs::temp_directory_path() / ("cc-usb-" + std::to_string(::getpid()) + "-" + row.name);
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto spec = usb_bus::spec_from_catalog(row.model_id, row.mode, row.transport);
    if (!row.product.empty()) spec.product = row.product;
    if (!row.scenario.empty()) {
      auto scenario = sim::builtin_scenario(row.scenario);
      if (row.tweak) row.tweak(scenario);
      usb_sim_ = std::make_unique<sim::Simulator>(scenario);
      usb_sim_->start();
      udp_sim_ = std::make_unique<sim::Simulator>(scenario);
      udp_sim_->start();
      spec.simulator_port = usb_sim_->port();
    }
    device_ = bus_.plug(spec);
    env_ = bus_.environment();
  }
  void TearDown() override { fs::remove_all(dir_); }

  test_support::RunResult on_usb(std::vector<std::string> args) {
    args.insert(args.begin(), test_support::coldcheck_binary());
    return run(args, std::chrono::seconds(60), &env_);
  }
  test_support::RunResult on_udp(std::vector<std::string> args) {
    args.insert(args.begin(), test_support::coldcheck_binary());
    return run(args, std::chrono::seconds(60));
  }
  std::string udp_path() const { return "udp:127.0.0.1:" + std::to_string(udp_sim_->port()); }

  usb_bus::UsbBus bus_;
  usb_bus::Plugged device_;
  std::vector<std::string> env_;
  std::unique_ptr<sim::Simulator> usb_sim_;
  std::unique_ptr<sim::Simulator> udp_sim_;
  fs::path dir_;
};

TEST_P(UsbFamily, ListNamesTheModelFromItsUsbIds) {
  const Row& row = GetParam();
  const auto r = on_usb({"list", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto list = parse_json<::coldcheck::DeviceList>(r.out);
  const ::coldcheck::ListedDevice* found = nullptr;
  for (const auto& d : list.devices()) {
    if (d.path() == device_.device_path) found = &d;
  }
  ASSERT_NE(found, nullptr) << device_.device_path << " not listed:\n" << r.out;
  EXPECT_EQ(found->state(), ::coldcheck::ACCESS_READY) << found->detail();
  EXPECT_THAT(found->model_name(), HasSubstr(catalog::Catalog::builtin().find(row.model_id)->name()));
}

TEST_P(UsbFamily, InfoOverUsbGivesTheFactsUdpGives) {
  const Row& row = GetParam();
  const auto usb = on_usb({"info", "--device", device_.device_path, "--json"});
  if (row.scenario.empty()) {
    // A family coldcheck identifies from USB alone: the descriptors name it, and not a
    // byte goes to the device.
    ASSERT_EQ(usb.exit_code, 0) << usb.err;
    const auto facts = parse_json<::coldcheck::DeviceFacts>(usb.out);
    EXPECT_EQ(facts.catalog_id(), row.catalog_id);
    EXPECT_EQ(facts.mode(), row.device_mode);
    EXPECT_EQ(bus_.reports_from_host(), 0);
    return;
  }
  ASSERT_EQ(usb.exit_code, 0) << usb.err;
  EXPECT_GT(bus_.reports_to_host(), 0) << "the device behind the node was never read";
  const auto udp = on_udp({"info", "--device", udp_path(), "--json"});
  ASSERT_EQ(udp.exit_code, 0) << udp.err;
  auto usb_facts = parse_json<::coldcheck::DeviceFacts>(usb.out);
  auto udp_facts = parse_json<::coldcheck::DeviceFacts>(udp.out);
  EXPECT_EQ(usb_facts.catalog_id(), row.catalog_id);
  EXPECT_EQ(usb_facts.mode(), row.device_mode);
  EXPECT_FALSE(usb_facts.emulator());
  drop_transport_fields(usb_facts);
  drop_transport_fields(udp_facts);
  std::string diff;
  google::protobuf::util::MessageDifferencer differ;
  differ.ReportDifferencesToString(&diff);
  EXPECT_TRUE(differ.Compare(udp_facts, usb_facts)) << diff;
}

rp::Report diagnose(const std::function<test_support::RunResult(std::vector<std::string>)>& runner,
                    const std::string& path, const fs::path& dir, const std::string& tag) {
  const fs::path out = dir / (tag + ".json");
  const auto r = runner(
      {"diagnose", "--device", path, "--key", (dir / "key").string(), "--out", out.string(), "--lang", "en", "-q"});
  EXPECT_EQ(r.exit_code, 0) << tag << ": " << r.err;
  return parse_json<rp::Report>(slurp(out));
}

// Device findings; host checks (udev rules, holders) legitimately differ: a USB node
// has them, a UDP endpoint not.
std::set<std::string> device_codes(const rp::Report& report) {
  std::set<std::string> codes;
  for (const auto& f : report.body().findings()) {
    if (!f.code().starts_with("CC-HOST-")) codes.insert(f.code());
  }
  return codes;
}

std::vector<std::pair<std::string, int>> checks_of(const rp::Report& report) {
  std::vector<std::pair<std::string, int>> checks;
  for (const auto& c : report.body().device().checks()) checks.emplace_back(c.id(), c.status());
  return checks;
}

TEST_P(UsbFamily, DiagnoseOverUsbFindsWhatUdpFinds) {
  const Row& row = GetParam();
  if (row.scenario.empty()) {
    // Identified from USB alone: every check that needs the device's protocol says
    // unsupported, with the reason, and not a byte goes to the device. Nothing was read
    // from it, so identify is unknown and the verdict is never OK.
    const auto usb = diagnose([&](auto a) { return on_usb(std::move(a)); }, device_.device_path, dir_, "usb");
    EXPECT_EQ(usb.body().device().facts().catalog_id(), row.catalog_id);
    EXPECT_NE(usb.body().verdict(), rp::VERDICT_OK);
    ASSERT_GT(usb.body().device().checks_size(), 0);
    EXPECT_EQ(usb.body().device().checks(0).id(), "device.identify");
    EXPECT_EQ(usb.body().device().checks(0).status(), rp::CHECK_UNKNOWN);
    for (const std::string id : {"fw.revision", "fw.hash", "auth.device"}) {
      const rp::CheckResult* check = nullptr;
      for (const auto& c : usb.body().device().checks()) {
        if (c.id() == id) check = &c;
      }
      ASSERT_NE(check, nullptr) << id;
      EXPECT_EQ(check->status(), rp::CHECK_UNSUPPORTED) << id;
      EXPECT_THAT(check->detail(), HasSubstr("only identifies this device family from its USB descriptor")) << id;
    }
    EXPECT_EQ(bus_.reports_from_host(), 0);
    return;
  }
  const auto usb = diagnose([&](auto a) { return on_usb(std::move(a)); }, device_.device_path, dir_, "usb");
  const auto udp = diagnose([&](auto a) { return on_udp(std::move(a)); }, udp_path(), dir_, "udp");
  EXPECT_GT(bus_.reports_to_host(), 0);
  EXPECT_FALSE(usb.body().device().facts().emulator());
  // What UDP says, turned into what a retail USB device with this chain must get.
  auto want_codes = device_codes(udp);
  auto want_checks = checks_of(udp);
  auto want_verdict = udp.body().verdict();
  want_codes.erase("CC-AUTH-TEST-ROOT");  // the emulator marker
  if (row.attested) {
    want_codes.insert("CC-AUTH-FAILED");
    for (auto& [id, status] : want_checks) {
      if (id == "auth.device") status = rp::CHECK_FAIL;
    }
    want_verdict = rp::VERDICT_STOP;
  }
  EXPECT_EQ(device_codes(usb), want_codes);
  EXPECT_EQ(checks_of(usb), want_checks);
  if (row.attested || want_verdict != rp::VERDICT_OK) {
    EXPECT_EQ(usb.body().verdict(), want_verdict);
  } else {
    // Host findings (no udev rules installed here) may only add attention, never hide.
    EXPECT_TRUE(usb.body().verdict() == rp::VERDICT_OK || usb.body().verdict() == rp::VERDICT_ATTENTION)
        << usb.body().verdict();
  }
}

TEST_P(UsbFamily, VerifyOverUsbAgreesWithUdp) {
  const Row& row = GetParam();
  if (row.scenario.empty()) {
    const auto usb = on_usb({"verify", "--device", device_.device_path, "--json"});
    EXPECT_EQ(usb.exit_code, 11) << usb.err;
    EXPECT_THAT(usb.err, HasSubstr("not supported for " + catalog::Catalog::builtin().find(row.model_id)->name()));
    EXPECT_TRUE(usb.out.empty()) << usb.out;
    EXPECT_EQ(bus_.reports_from_host(), 0);
    return;
  }
  const auto usb = on_usb({"verify", "--device", device_.device_path, "--json"});
  const auto udp = on_udp({"verify", "--device", udp_path(), "--json"});
  EXPECT_EQ(usb.exit_code, row.attested ? 12 : udp.exit_code) << usb.err << "\n--- udp:\n" << udp.err;
  if (row.attested) {
    EXPECT_THAT(usb.out, HasSubstr("test roots are not allowed"));
  }
  if (usb.exit_code == 0 || usb.exit_code == 12) {
    EXPECT_TRUE(usb.out.ends_with("}\n")) << usb.out;
  } else {
    EXPECT_FALSE(usb.err.empty());
    EXPECT_TRUE(usb.out.empty()) << usb.out;
  }
}

INSTANTIATE_TEST_SUITE_P(Rows, UsbFamily, ::testing::ValuesIn(kRows), [](const auto& p) { return p.param.name; });

}  // namespace
}  // namespace cc
