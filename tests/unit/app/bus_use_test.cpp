// A diagnosis scans the bus once, and holds the device it opens: a scan made while the
// device is open (here from inside the opener) reports it as ours, unprobed.
#include <gtest/gtest.h>

#include "app/diagnose.hpp"
#include "core/error.hpp"
#include "enumerate/bus.hpp"
#include "report/pseudonym.hpp"
#include "transport/opener.hpp"

namespace cc::app {
namespace {

class FakeBus final : public enumerate::Bus {
 public:
  std::vector<enumerate::UsbNode> plugged;
  int scans = 0;
  std::set<std::string> last_held;

 protected:
  std::vector<enumerate::UsbNode> scan_nodes(const std::set<std::string>& held) override {
    ++scans;
    last_held = held;
    return plugged;
  }
};

enumerate::UsbNode trezor_one_hid() {
  enumerate::UsbNode n;
  n.path = "hid:/dev/hidraw-coldcheck-fake";
  n.vendor_id = 0x534c;
  n.product_id = 0x0001;
  n.interface_number = 0;
  n.usage_page = 0xff00;
  n.product = "TREZOR";
  n.state = ::coldcheck::ACCESS_READY;
  return n;
}

// Refuses every open, after looking at the bus the way a concurrent `list` would.
class PeekingOpener final : public transport::Opener {
 public:
  explicit PeekingOpener(enumerate::Bus& bus) : bus_(bus) {}
  std::unique_ptr<transport::Link> open_link(const transport::DevicePath& path) override {
    ++opens;
    seen = bus_.scan();
    throw Error(ErrorCode::kBusy, path.to_string() + ": test opener refuses");
  }
  std::unique_ptr<transport::ApduStream> open_apdu_stream(const transport::DevicePath& path) override {
    throw Error(ErrorCode::kBusy, path.to_string() + ": test opener refuses");
  }
  int opens = 0;
  std::vector<enumerate::UsbNode> seen;

 private:
  enumerate::Bus& bus_;
};

const report::Pseudonymizer& pseudonymizer() {
  static const std::vector<std::uint8_t> key(32, 0x42);
  static const report::Pseudonymizer p(key);
  return p;
}

TEST(DiagnoseBus, OneScanAndTheOpenDeviceIsHeld) {
  FakeBus bus;
  bus.plugged = {trezor_one_hid()};
  PeekingOpener opener(bus);
  DiagnoseOptions options;
  options.bus = &bus;
  options.opener = &opener;
  const auto diagnosis = diagnose(catalog::Catalog::builtin(), options, pseudonymizer());
  EXPECT_EQ(opener.opens, 1);
  ASSERT_TRUE(diagnosis.device_error);
  EXPECT_EQ(diagnosis.device_error->code(), ErrorCode::kBusy);
  // One scan found and located the device; the second is the opener's own look.
  EXPECT_EQ(bus.scans, 2);
  ASSERT_EQ(opener.seen.size(), 1u);
  EXPECT_EQ(bus.last_held.count("hid:/dev/hidraw-coldcheck-fake"), 1u) << "held while it was being opened";
  EXPECT_EQ(opener.seen[0].detail, "open in this coldcheck process");
  EXPECT_EQ(opener.seen[0].product, "TREZOR");
  EXPECT_EQ(bus.held_count(), 0u) << "released when the diagnosis ended";
}

TEST(DiagnoseBus, EmulatorPathNeedsNoScan) {
  FakeBus bus;
  PeekingOpener opener(bus);
  DiagnoseOptions options;
  options.bus = &bus;
  options.opener = &opener;
  options.device = transport::parse_device_path("udp:127.0.0.1:9");
  (void)diagnose(catalog::Catalog::builtin(), options, pseudonymizer());
  EXPECT_EQ(opener.opens, 1);
  EXPECT_EQ(bus.scans, 1) << "only the opener's own look";
}

}  // namespace
}  // namespace cc::app
