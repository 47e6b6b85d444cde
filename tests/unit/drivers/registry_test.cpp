// The driver seam: families come from the catalog's protocol, a registry makes the
// driver, and the udp: family probe hands its link on when nothing can still arrive.
#include <gtest/gtest.h>

#include "coldcheck/trezor.pb.h"
#include "core/error.hpp"
#include "drivers/device_family.hpp"
#include "drivers/registry.hpp"
#include "drivers/trezor_driver.hpp"
#include "protocol/ledger/framing.hpp"
#include "scripted_link.hpp"

namespace cc::drivers {
namespace {

namespace cat = ::coldcheck::catalog;
namespace tw = ::coldcheck::wire::trezor;
using test::ScriptedLink;
using namespace std::chrono_literals;

tw::Features big_features() {
  tw::Features f;
  f.set_vendor("trezor.io");
  f.set_major_version(2);
  f.set_minor_version(12);
  f.set_patch_version(5);
  f.set_label(std::string(150, 'x'));  // several packets
  f.set_model("Safe 3");
  f.set_internal_model("T2B1");
  return f;
}

TEST(Registry, BuiltinSpeaksTheTwoDriverFamilies) {
  const auto& r = Registry::builtin();
  EXPECT_TRUE(r.speaks(cat::PROTOCOL_TREZOR_V1));
  EXPECT_TRUE(r.speaks(cat::PROTOCOL_LEDGER_APDU));
  EXPECT_FALSE(r.speaks(cat::PROTOCOL_BITBOX02));
  OpenRequest request;
  request.catalog = &catalog::Catalog::builtin();
  try {
    (void)r.open(cat::PROTOCOL_JADE_CBOR, request);
    ADD_FAILURE() << "no driver for Jade";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUnsupported);
    EXPECT_NE(std::string(e.what()).find("PROTOCOL_JADE_CBOR"), std::string::npos) << e.what();
  }
}

TEST(Registry, TrezorFactoryUsesTheGivenLinkAndTheModelsTable) {
  const auto& catalog = catalog::Catalog::builtin();
  auto link = std::make_unique<ScriptedLink>();
  auto* raw = link.get();
  raw->queue(big_features());
  OpenRequest request;
  request.path = transport::parse_device_path("udp:127.0.0.1:1");
  request.catalog = &catalog;
  request.reuse = std::move(link);
  auto device = Registry::builtin().open(cat::PROTOCOL_TREZOR_V1, request);
  ASSERT_NE(device->as_trezor(), nullptr);
  EXPECT_EQ(device->as_ledger(), nullptr);
  EXPECT_EQ(device->protocol(), cat::PROTOCOL_TREZOR_V1);
  const auto facts = device->identify();
  EXPECT_EQ(facts.catalog_id(), "trezor-safe-3");
  ASSERT_EQ(raw->sent().size(), 1u);  // Initialize went over the reused link
  EXPECT_EQ(raw->sent()[0]->GetDescriptor()->name(), "Initialize");

  request.model = catalog.find("keepkey");
  request.reuse = std::make_unique<ScriptedLink>();
  auto keepkey = Registry::builtin().open(cat::PROTOCOL_TREZOR_V1, request);
  EXPECT_EQ(keepkey->as_trezor()->session().table(), trezor::Table::kKeepKey);
}

TEST(Registry, ACustomFamilyIsOneFactory) {
  struct Fake final : Device {
    cat::ProtocolFamily protocol() const noexcept override { return cat::PROTOCOL_BITBOX02; }
    std::string path() const override { return "hid:/dev/fake"; }
    ::coldcheck::DeviceFacts identify() override {
      ::coldcheck::DeviceFacts f;
      f.set_path(path());
      return f;
    }
  };
  Registry r;
  int made = 0;
  r.add(cat::PROTOCOL_BITBOX02, [&](OpenRequest&) {
    ++made;
    return std::make_unique<Fake>();
  });
  OpenRequest request;
  request.catalog = &catalog::Catalog::builtin();
  EXPECT_EQ(r.open(cat::PROTOCOL_BITBOX02, request)->identify().path(), "hid:/dev/fake");
  EXPECT_EQ(made, 1);
  EXPECT_FALSE(r.speaks(cat::PROTOCOL_TREZOR_V1));
}

TEST(FamilyProbe, TrezorReplyReadToTheEndKeepsTheLink) {
  auto link = std::make_unique<ScriptedLink>();
  link->queue(big_features());
  ASSERT_GT(link->replies.size(), 1u);
  auto* raw = link.get();
  auto probed = probe_udp_family(std::move(link), 200ms);
  EXPECT_EQ(probed.family, cat::PROTOCOL_TREZOR_V1);
  ASSERT_EQ(probed.link.get(), raw);
  EXPECT_TRUE(raw->replies.empty()) << "the whole Features reply was consumed";
}

TEST(FamilyProbe, LedgerFrameMeansLedgerAndKeepsTheLink) {
  auto link = std::make_unique<ScriptedLink>();
  const std::vector<std::uint8_t> reply{0x01, 0x05, 'B', 'O', 'L', 'O', 'S', 0x90, 0x00};
  for (const auto& r : ledger::encode(reply)) link->replies.emplace_back(r.begin(), r.end());
  auto* raw = link.get();
  auto probed = probe_udp_family(std::move(link), 200ms);
  EXPECT_EQ(probed.family, cat::PROTOCOL_LEDGER_APDU);
  EXPECT_EQ(probed.link.get(), raw);
}

TEST(FamilyProbe, SilenceOrGarbageMeansTrezorOnAFreshLink) {
  auto silent = probe_udp_family(std::make_unique<ScriptedLink>(), 50ms);
  EXPECT_EQ(silent.family, cat::PROTOCOL_TREZOR_V1);
  EXPECT_EQ(silent.link, nullptr) << "a late reply could still arrive on it";

  auto garbage = std::make_unique<ScriptedLink>();
  garbage->replies.emplace_back(64, 0xAB);
  auto probed = probe_udp_family(std::move(garbage), 50ms);
  EXPECT_EQ(probed.family, cat::PROTOCOL_TREZOR_V1);
  EXPECT_EQ(probed.link, nullptr);

  auto partial = std::make_unique<ScriptedLink>();
  partial->queue(big_features());
  partial->replies.pop_back();  // the last packet never comes
  EXPECT_EQ(probe_udp_family(std::move(partial), 50ms).link, nullptr);
}

TEST(FamilyProbe, LinkErrorsOtherThanTimeoutPropagate) {
  struct Gone final : ScriptedLink {
    std::size_t read(std::span<std::uint8_t>, std::chrono::milliseconds) override {
      throw Error(ErrorCode::kDisconnected, "gone");
    }
  };
  try {
    (void)probe_udp_family(std::make_unique<Gone>(), 50ms);
    ADD_FAILURE() << "expected kDisconnected";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kDisconnected);
  }
}

}  // namespace
}  // namespace cc::drivers
