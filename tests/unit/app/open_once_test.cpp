// Open once, scan once: every transport goes through the injected Opener, a udp:
// endpoint is opened once (the family probe's link is the driver's), Speculos too goes
// through it, and a diagnosis of an emulator opens exactly one link.
#include <gtest/gtest.h>

#include <atomic>

#include "app/devices.hpp"
#include "app/diagnose.hpp"
#include "core/error.hpp"
#include "report/pseudonym.hpp"
#include "sim/simulator.hpp"
#include "transport/opener.hpp"

namespace cc::app {
namespace {

using namespace std::chrono_literals;

// Wraps every link it hands out, as the coming recorder will, and counts.
class CountingOpener final : public transport::Opener {
 public:
  struct CountingLink final : transport::Link {
    CountingLink(std::unique_ptr<transport::Link> inner, std::atomic<int>& writes)
        : inner_(std::move(inner)), writes_(writes) {}
    std::string path() const override { return inner_->path(); }
    void write(std::span<const std::uint8_t> report) override {
      ++writes_;
      inner_->write(report);
    }
    std::size_t read(std::span<std::uint8_t> out, std::chrono::milliseconds timeout) override {
      return inner_->read(out, timeout);
    }
    void keep_alive() override { inner_->keep_alive(); }

   private:
    std::unique_ptr<transport::Link> inner_;
    std::atomic<int>& writes_;
  };

  std::unique_ptr<transport::Link> open_link(const transport::DevicePath& path) override {
    ++links;
    return std::make_unique<CountingLink>(transport::system_opener().open_link(path), writes);
  }
  std::unique_ptr<transport::ApduStream> open_apdu_stream(const transport::DevicePath& path) override {
    ++streams;
    return transport::system_opener().open_apdu_stream(path);
  }

  std::atomic<int> links{0};
  std::atomic<int> streams{0};
  std::atomic<int> writes{0};
};

struct RunningSim {
  explicit RunningSim(const std::string& scenario) : sim(sim::builtin_scenario(scenario)) { sim.start(); }
  transport::DevicePath udp() const { return {transport::Scheme::kUdp, "127.0.0.1", sim.port()}; }
  transport::DevicePath tcp() const { return {transport::Scheme::kTcp, "127.0.0.1", sim.tcp_port()}; }
  sim::Simulator sim;
};

TEST(OpenOnce, TrezorEndpointIsOpenedOnceAndTheDriverUsesThatLink) {
  RunningSim sim("healthy-safe3");
  CountingOpener opener;
  DeviceAccess access;
  access.opener = &opener;
  auto opened = open_device(catalog::Catalog::builtin(), sim.udp(), {}, access);
  EXPECT_EQ(opened.facts.catalog_id(), "trezor-safe-3");
  ASSERT_NE(opened.driver(), nullptr);
  EXPECT_EQ(opener.links.load(), 1) << "the family probe's link must be the driver's";
  EXPECT_EQ(opener.streams.load(), 0);
  const int before = opener.writes.load();
  EXPECT_EQ(opened.driver()->ping("same link"), "same link");
  EXPECT_GT(opener.writes.load(), before) << "the ping went through the wrapped link";
  EXPECT_EQ(opener.links.load(), 1);
}

TEST(OpenOnce, LedgerOverUdpReusesTheProbeLink) {
  RunningSim sim("ledger-dashboard");
  CountingOpener opener;
  DeviceAccess access;
  access.opener = &opener;
  auto opened = open_device(catalog::Catalog::builtin(), sim.udp(), {}, access);
  ASSERT_NE(opened.ledger(), nullptr);
  EXPECT_EQ(opened.facts.maker(), "Ledger");
  EXPECT_EQ(opener.links.load(), 1);
}

TEST(OpenOnce, SpeculosGoesThroughTheOpenerToo) {
  RunningSim sim("ledger-dashboard");
  CountingOpener opener;
  DeviceAccess access;
  access.opener = &opener;
  auto opened = open_device(catalog::Catalog::builtin(), sim.tcp(), {}, access);
  ASSERT_NE(opened.ledger(), nullptr);
  EXPECT_EQ(opener.streams.load(), 1);
  EXPECT_EQ(opener.links.load(), 0);
}

TEST(OpenOnce, ListingAnEndpointOpensItOnce) {
  RunningSim trezor("healthy-safe3");
  RunningSim ledger("ledger-dashboard");
  CountingOpener opener;
  ListOptions options;
  options.emulators = {trezor.udp(), ledger.udp(), ledger.tcp()};
  options.access.opener = &opener;
  const std::vector<enumerate::UsbNode> no_usb;
  options.access.usb = &no_usb;
  const auto list = list_devices(catalog::Catalog::builtin(), options);
  ASSERT_EQ(list.devices_size(), 3);
  EXPECT_EQ(list.devices(0).catalog_id(), "trezor-safe-3");
  EXPECT_EQ(list.devices(0).state(), ::coldcheck::ACCESS_READY) << list.devices(0).detail();
  EXPECT_EQ(list.devices(1).maker(), "Ledger");
  EXPECT_EQ(list.devices(2).maker(), "Ledger");
  EXPECT_EQ(opener.links.load(), 2);
  EXPECT_EQ(opener.streams.load(), 1);
}

TEST(OpenOnce, SilentEndpointIsNotReusedButStillFailsAsBefore) {
  RunningSim sim("fault-silence");
  CountingOpener opener;
  DeviceAccess access;
  access.opener = &opener;
  drivers::SessionOptions quick;
  quick.reply_timeout = 300ms;
  try {
    (void)open_device(catalog::Catalog::builtin(), sim.udp(), quick, access);
    ADD_FAILURE() << "a silent device cannot be identified";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kTimeout) << e.what();
  }
  // The probe's socket may still get its late reply: the driver gets a fresh one.
  EXPECT_EQ(opener.links.load(), 2);
}

TEST(OpenOnce, DiagnosisOfAnEmulatorOpensOneLink) {
  RunningSim sim("healthy-safe3");
  CountingOpener opener;
  DiagnoseOptions options;
  options.device = sim.udp();
  options.opener = &opener;
  const std::vector<std::uint8_t> key(32, 0x42);
  const report::Pseudonymizer pseudonymize(key);
  const auto diagnosis = diagnose(catalog::Catalog::builtin(), options, pseudonymize);
  EXPECT_FALSE(diagnosis.device_error) << diagnosis.device_error->what();
  EXPECT_EQ(diagnosis.report.body().device().facts().catalog_id(), "trezor-safe-3");
  EXPECT_EQ(opener.links.load(), 1);
}

}  // namespace
}  // namespace cc::app
