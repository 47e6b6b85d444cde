// The states a real USB bus has, each on the emulated bus with the real binary: no
// permission, claimed or held by another program, unplugged mid-message, a device that
// comes back as its bootloader, two devices at once, hubs in the path.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <google/protobuf/util/json_util.h>

#include "coldcheck/facts.pb.h"
#include "coldcheck/report.pb.h"

#include "sim/simulator.hpp"
#include "support/subprocess.hpp"
#include "umockdev/usb_bus.hpp"

namespace cc {
namespace {

namespace cat = ::coldcheck::catalog;
using test_support::run;
using ::testing::HasSubstr;
namespace fs = std::filesystem;
namespace rp = ::coldcheck::report;

template <typename M>
M parse_json(const std::string& json) {
  M m;
  const auto status = google::protobuf::util::JsonStringToMessage(json, &m);
  EXPECT_TRUE(status.ok()) << status.ToString() << "\n" << json;
  return m;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const ::coldcheck::ListedDevice* listed(const ::coldcheck::DeviceList& list, const std::string& path) {
  for (const auto& d : list.devices()) {
    if (d.path() == path) return &d;
  }
  return nullptr;
}

// A program holding a node open, named as a wallet app: `sleep` copied to that name.
struct Holder {
  Holder(const fs::path& dir, const std::string& name, const std::string& file) {
    const fs::path program = dir / name;
    fs::copy_file("/bin/sleep", program, fs::copy_options::overwrite_existing);
    process = std::make_unique<test_support::Background>(
        std::vector<std::string>{"/bin/sh", "-c", "exec 3<>'" + file + "'; exec '" + program.string() + "' 120"});
    // Wait until the exec has happened and the fd is in place.
    const std::string fd = "/proc/" + std::to_string(process->pid()) + "/fd/3";
    const std::string comm = "/proc/" + std::to_string(process->pid()) + "/comm";
    for (int i = 0; i < 200; ++i) {
      std::error_code ec;
      if (fs::exists(fd, ec) && slurp(comm).starts_with(name)) break;
      ::usleep(10000);
    }
  }
  std::unique_ptr<test_support::Background> process;
};

class UsbStates : public ::testing::Test {
 protected:
  test_support::RunResult on_usb(std::vector<std::string> args) {
    args.insert(args.begin(), test_support::coldcheck_binary());
    const auto env = bus_.environment();
    return run(args, std::chrono::seconds(60), &env);
  }
  usb_bus::DeviceSpec trezor_one_hid(const sim::Simulator& sim) {
    auto spec = usb_bus::spec_from_catalog("trezor-one", cat::MODE_FIRMWARE, cat::TRANSPORT_HID);
    spec.simulator_port = sim.port();
    return spec;
  }

  usb_bus::DeviceSpec webusb(const std::string& model, const sim::Simulator& sim, cat::Mode mode = cat::MODE_FIRMWARE) {
    auto spec = usb_bus::spec_from_catalog(model, mode, cat::TRANSPORT_WEBUSB);
    spec.simulator_port = sim.port();
    return spec;
  }
  rp::Report diagnose(const std::string& path, const fs::path& dir) {
    const fs::path out = dir / "report.json";
    const auto r = on_usb(
        {"diagnose", "--device", path, "--key", (dir / "key").string(), "--out", out.string(), "--lang", "en", "-q"});
    EXPECT_NE(r.exit_code, 70) << r.err;
    return parse_json<rp::Report>(slurp(out));
  }
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cc-usb-states-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  usb_bus::UsbBus bus_;
  fs::path dir_;
};

const rp::CheckResult* host_check(const rp::Report& report, const std::string& id) {
  for (const auto& c : report.body().host_checks()) {
    if (c.id() == id) return &c;
  }
  return nullptr;
}

bool has_finding(const rp::Report& report, const std::string& code) {
  for (const auto& f : report.body().findings()) {
    if (f.code() == code) return true;
  }
  return false;
}

TEST_F(UsbStates, PermissionDeniedForANormalUserNamesTheNodeAndTheFix) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root: the node is made root-owned 0600, the binary runs as nobody";
  sim::Simulator sim(sim::builtin_scenario("outdated-trezor-one"));
  sim.start();
  const auto device = bus_.plug(trezor_one_hid(sim));
  const std::string pty = bus_.backing_file(device);
  ASSERT_FALSE(pty.empty());
  ASSERT_EQ(::chown(pty.c_str(), 0, 0), 0);
  ASSERT_EQ(::chmod(pty.c_str(), 0600), 0);
  bus_.open_to_all_users();
  std::vector<std::string> args = {"/usr/bin/setpriv",
                                   "--reuid=nobody",
                                   "--regid=nogroup",
                                   "--clear-groups",
                                   test_support::coldcheck_binary(),
                                   "info",
                                   "--device",
                                   device.device_path};
  const auto env = bus_.environment();
  const auto r = run(args, std::chrono::seconds(60), &env);
  EXPECT_EQ(r.exit_code, 4) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr("permission denied"));
  EXPECT_THAT(r.err, HasSubstr("0600 root:root"));
  EXPECT_THAT(r.err, HasSubstr("udev rules"));
  EXPECT_EQ(bus_.reports_from_host(), 0);
}

TEST_F(UsbStates, PermissionDeniedOnUsbfsNamesTheNodeAndListSaysNoPermission) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root: the node is made root-owned 0600, the binary runs as nobody";
  sim::Simulator sim(sim::builtin_scenario("healthy-safe3"));
  sim.start();
  const auto device = bus_.plug(webusb("trezor-safe-3", sim));
  const std::string pty = bus_.backing_file(device);
  ASSERT_FALSE(pty.empty());
  ASSERT_EQ(::chown(pty.c_str(), 0, 0), 0);
  ASSERT_EQ(::chmod(pty.c_str(), 0600), 0);
  bus_.open_to_all_users();
  const auto env = bus_.environment();
  const std::vector<std::string> as_nobody = {"/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                                              test_support::coldcheck_binary()};
  auto args = as_nobody;
  args.insert(args.end(), {"info", "--device", device.device_path});
  const auto r = run(args, std::chrono::seconds(60), &env);
  EXPECT_EQ(r.exit_code, 4) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr(device.node + " mode 0600 root:root"));
  EXPECT_THAT(r.err, HasSubstr("udev rules"));

  args = as_nobody;
  args.insert(args.end(), {"list", "--json"});
  const auto l = run(args, std::chrono::seconds(60), &env);
  ASSERT_EQ(l.exit_code, 0) << l.err;
  const auto list = parse_json<::coldcheck::DeviceList>(l.out);
  const auto* d = listed(list, device.device_path);
  ASSERT_NE(d, nullptr) << l.out;
  EXPECT_EQ(d->state(), ::coldcheck::ACCESS_NO_PERMISSION) << d->detail();
  EXPECT_EQ(bus_.reports_from_host(), 0);
}

TEST_F(UsbStates, InterfaceClaimedByAnotherProgramIsBusyAndTheProgramIsNamed) {
  sim::Simulator sim(sim::builtin_scenario("healthy-safe3"));
  sim.start();
  const auto device = bus_.plug(webusb("trezor-safe-3", sim));
  bus_.claim_elsewhere(device, true);
  Holder holder(dir_, "trezord", bus_.backing_file(device));

  const auto r = on_usb({"info", "--device", device.device_path});
  EXPECT_EQ(r.exit_code, 5) << r.err;
  EXPECT_THAT(r.err, HasSubstr("claimed by another program"));

  const auto report = diagnose(device.device_path, dir_);
  const auto* busy = host_check(report, "host.busy");
  ASSERT_NE(busy, nullptr);
  EXPECT_EQ(busy->status(), rp::CHECK_FAIL);
  std::string evidence;
  for (const auto& e : busy->evidence()) evidence += e.observed() + "\n";
  EXPECT_THAT(evidence, HasSubstr("Trezor Bridge"));
  EXPECT_THAT(evidence, HasSubstr("pid " + std::to_string(holder.process->pid())));
  EXPECT_TRUE(has_finding(report, "CC-HOST-BUSY"));
  // This computer refused the device: that is the host finding's to say, not "unreadable".
  EXPECT_FALSE(has_finding(report, "CC-DEV-UNREADABLE"));
  EXPECT_EQ(bus_.reports_from_host(), 0) << "nothing may be sent on an interface another program claimed";
}

TEST_F(UsbStates, HidrawHeldOpenByAnotherProgramIsNamedWhileTheDeviceIsStillRead) {
  sim::Simulator sim(sim::builtin_scenario("outdated-trezor-one"));
  sim.start();
  const auto device = bus_.plug(trezor_one_hid(sim));
  Holder holder(dir_, "trezor-suite", bus_.backing_file(device));
  const auto report = diagnose(device.device_path, dir_);
  const auto* busy = host_check(report, "host.busy");
  ASSERT_NE(busy, nullptr);
  EXPECT_EQ(busy->status(), rp::CHECK_FAIL);
  std::string evidence;
  for (const auto& e : busy->evidence()) evidence += e.observed() + "\n";
  EXPECT_THAT(evidence, HasSubstr("pid " + std::to_string(holder.process->pid())));
  EXPECT_TRUE(has_finding(report, "CC-HOST-BUSY"));
  EXPECT_EQ(report.body().device().facts().firmware_version(), "1.8.3");
  EXPECT_GT(bus_.reports_to_host(), 0);
}

void expect_unplug_mid_message(UsbStates& t, usb_bus::UsbBus& bus, usb_bus::DeviceSpec spec,
                               const std::function<test_support::RunResult(std::vector<std::string>)>& on_usb) {
  spec.unplug_after_reports = 1;
  const auto device = bus.plug(spec);
  const auto r = on_usb({"info", "--device", device.device_path, "--timeout-ms", "3000"});
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 7) << r.err;
  EXPECT_THAT(r.err, HasSubstr(device.device_path));
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(bus.reports_to_host(), 1);
  // The node is gone: a second try is "not found", not a hang.
  const auto again = on_usb({"info", "--device", device.device_path});
  EXPECT_EQ(again.exit_code, 3) << again.err;
  (void)t;
}

TEST_F(UsbStates, UnplugMidMessageOnHidrawIsADisconnect) {
  sim::Simulator sim(sim::builtin_scenario("outdated-trezor-one"));
  sim.start();
  expect_unplug_mid_message(*this, bus_, trezor_one_hid(sim), [&](auto a) { return on_usb(std::move(a)); });
}

TEST_F(UsbStates, UnplugMidMessageOnUsbfsIsADisconnect) {
  sim::Simulator sim(sim::builtin_scenario("healthy-model-t"));
  sim.start();
  expect_unplug_mid_message(*this, bus_, webusb("trezor-model-t", sim), [&](auto a) { return on_usb(std::move(a)); });
}

// A diagnosis the unplug cut short says so in a finding, never "no problems".
TEST_F(UsbStates, UnplugMidMessageInADiagnosisIsAFinding) {
  sim::Simulator sim(sim::builtin_scenario("outdated-trezor-one"));
  sim.start();
  auto spec = trezor_one_hid(sim);
  spec.unplug_after_reports = 1;
  const auto device = bus_.plug(spec);
  const auto report = diagnose(device.device_path, dir_);
  std::string codes;
  for (const auto& f : report.body().findings()) codes += f.code() + " ";
  for (const auto& c : report.body().device().checks())
    codes += c.id() + ":" + std::to_string(c.status()) + ":" + c.detail() + " ";
  // On a kernel the reader of an unplugged hidraw node wakes with an error at once
  // (CC-DEV-UNREADABLE). On the emulated bus, under load, the hangup sometimes never
  // reaches the reader and the read runs out instead (CC-DEV-NO-REPLY, which tells the
  // person to look at the device). Either way the cut-short run is a finding.
  EXPECT_TRUE(has_finding(report, "CC-DEV-UNREADABLE") || has_finding(report, "CC-DEV-NO-REPLY")) << codes;
  EXPECT_EQ(report.body().verdict(), rp::VERDICT_NO_DEVICE);
  EXPECT_EQ(bus_.reports_to_host(), 1);
}

TEST_F(UsbStates, DeviceThatReEnumeratesAsItsBootloaderIsSeenInBootloaderMode) {
  sim::Simulator firmware(sim::builtin_scenario("healthy-model-t"));
  firmware.start();
  sim::Simulator bootloader(sim::builtin_scenario("bootloader-mode"));
  bootloader.start();
  const auto before = bus_.plug(webusb("trezor-model-t", firmware));
  auto l = on_usb({"list", "--json"});
  ASSERT_EQ(l.exit_code, 0) << l.err;
  const auto first = parse_json<::coldcheck::DeviceList>(l.out);  // `d` points into it
  const auto* d = listed(first, before.device_path);
  ASSERT_NE(d, nullptr) << l.out;
  EXPECT_EQ(d->mode(), ::coldcheck::DEVICE_MODE_FIRMWARE);

  // The person holds the button while plugging in: same port, new address, bootloader id.
  bus_.unplug(before);
  const auto after = bus_.plug(webusb("trezor-model-t", bootloader, cat::MODE_BOOTLOADER));
  EXPECT_EQ(after.device_path, before.device_path);
  EXPECT_NE(after.node, before.node);
  l = on_usb({"list", "--json"});
  ASSERT_EQ(l.exit_code, 0) << l.err;
  const auto list = parse_json<::coldcheck::DeviceList>(l.out);
  EXPECT_EQ(list.devices_size(), 1) << l.out;
  d = listed(list, after.device_path);
  ASSERT_NE(d, nullptr) << l.out;
  EXPECT_EQ(d->mode(), ::coldcheck::DEVICE_MODE_BOOTLOADER);
  EXPECT_EQ(d->product_id(), 0x53c0u);

  const auto info = on_usb({"info", "--device", after.device_path, "--json"});
  ASSERT_EQ(info.exit_code, 0) << info.err;
  const auto facts = parse_json<::coldcheck::DeviceFacts>(info.out);
  EXPECT_EQ(facts.mode(), ::coldcheck::DEVICE_MODE_BOOTLOADER);
  EXPECT_EQ(facts.bootloader_version(), "2.1.8");
  EXPECT_TRUE(has_finding(diagnose(after.device_path, dir_), "CC-DEV-BOOTLOADER"));
}

TEST_F(UsbStates, TwoDevicesAtOnceAreBothListedAndInfoAsksWhichOne) {
  sim::Simulator one(sim::builtin_scenario("outdated-trezor-one"));
  one.start();
  sim::Simulator safe(sim::builtin_scenario("healthy-safe3"));
  safe.start();
  auto hid = trezor_one_hid(one);
  hid.ports = {1};
  auto web = webusb("trezor-safe-3", safe);
  web.ports = {2};
  web.serial = "CC0000000002";
  const auto a = bus_.plug(hid);
  const auto b = bus_.plug(web);
  const auto l = on_usb({"list", "--json"});
  ASSERT_EQ(l.exit_code, 0) << l.err;
  const auto list = parse_json<::coldcheck::DeviceList>(l.out);
  ASSERT_NE(listed(list, a.device_path), nullptr) << l.out;
  ASSERT_NE(listed(list, b.device_path), nullptr) << l.out;

  const auto which = on_usb({"info"});
  EXPECT_EQ(which.exit_code, 2) << which.err;
  EXPECT_THAT(which.err, HasSubstr(a.device_path));
  EXPECT_THAT(which.err, HasSubstr(b.device_path));

  const auto ra = on_usb({"info", "--device", a.device_path, "--json"});
  const auto rb = on_usb({"info", "--device", b.device_path, "--json"});
  ASSERT_EQ(ra.exit_code, 0) << ra.err;
  ASSERT_EQ(rb.exit_code, 0) << rb.err;
  EXPECT_EQ(parse_json<::coldcheck::DeviceFacts>(ra.out).catalog_id(), "trezor-one");
  EXPECT_EQ(parse_json<::coldcheck::DeviceFacts>(rb.out).catalog_id(), "trezor-safe-3");
}

TEST_F(UsbStates, HubPortChainIsInThePathAndTheDeviceIsReadThroughIt) {
  sim::Simulator sim(sim::builtin_scenario("healthy-safe3"));
  sim.start();
  auto spec = webusb("trezor-safe-3", sim);
  spec.ports = {1, 4, 2};
  const auto device = bus_.plug(spec);
  EXPECT_EQ(device.device_path, "webusb:001-1.4.2");
  const auto l = on_usb({"list", "--json"});
  ASSERT_EQ(l.exit_code, 0) << l.err;
  ASSERT_NE(listed(parse_json<::coldcheck::DeviceList>(l.out), device.device_path), nullptr) << l.out;
  const auto info = on_usb({"info", "--device", device.device_path, "--json"});
  ASSERT_EQ(info.exit_code, 0) << info.err;
  EXPECT_EQ(parse_json<::coldcheck::DeviceFacts>(info.out).catalog_id(), "trezor-safe-3");
  const auto report = diagnose(device.device_path, dir_);
  const auto* perm = host_check(report, "host.permission");
  ASSERT_NE(perm, nullptr);
  std::string nodes;
  for (const auto& e : perm->evidence()) nodes += e.observed() + "\n";
  EXPECT_THAT(nodes, HasSubstr(device.node)) << "the hub chain must map to the device's own usbfs node";
}

// hidapi reads the usage page from sysfs; where it cannot (usage page 0) or the
// interface is not known (-1), those are unknowns, not values that fail the catalog match:
// `info` must still name the Trezor One and read it, as `list` does.
TEST_F(UsbStates, HidWhoseUsagePageCannotBeReadIsStillIdentifiedAndRead) {
  sim::Simulator sim(sim::builtin_scenario("outdated-trezor-one"));
  sim.start();
  auto spec = trezor_one_hid(sim);
  spec.report_descriptor_in_sysfs = false;
  const auto device = bus_.plug(spec);
  const auto r = on_usb({"info", "--device", device.device_path, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto facts = parse_json<::coldcheck::DeviceFacts>(r.out);
  EXPECT_EQ(facts.catalog_id(), "trezor-one");
  EXPECT_EQ(facts.firmware_version(), "1.8.3");
  EXPECT_GT(bus_.reports_to_host(), 0) << "the device was never read";
}

}  // namespace
}  // namespace cc
