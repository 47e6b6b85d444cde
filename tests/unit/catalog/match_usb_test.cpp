// Real USB ids -> the models they may be. Ids come from the sources named in devices/.
#include <gtest/gtest.h>

#include <set>

#include "catalog/catalog.hpp"

namespace cc::catalog {
namespace {

namespace pb = ::coldcheck::catalog;

std::set<std::string> model_ids(const std::vector<UsbMatch>& matches) {
  std::set<std::string> ids;
  for (const UsbMatch& m : matches) ids.insert(m.model->id());
  return ids;
}

struct UsbCase {
  std::uint16_t vid;
  std::uint16_t pid;
  std::set<std::string> expected;
};

TEST(MatchUsb, RealIdsGiveTheirModels) {
  const std::set<std::string> core = {"onekey-classic", "onekey-pro",    "trezor-model-t",
                                      "trezor-one",     "trezor-safe-3", "trezor-safe-5"};
  const std::set<std::string> core_bootloader = {"onekey-classic", "trezor-model-t", "trezor-one", "trezor-safe-3",
                                                 "trezor-safe-5"};
  const std::vector<UsbCase> cases = {
      {0x534c, 0x0001, {"trezor-one"}},
      {0x1209, 0x53c1, core},
      {0x1209, 0x53c0, core_bootloader},
      {0x1209, 0x4f4a, {"onekey-pro"}},
      {0x1209, 0x4f4b, {"onekey-pro"}},
      {0x2b24, 0x0001, {"keepkey"}},
      {0x2b24, 0x0002, {"keepkey"}},
      {0x2c97, 0x0001, {"ledger-nano-s"}},
      {0x2c97, 0x1011, {"ledger-nano-s"}},
      {0x2c97, 0x0004, {"ledger-nano-x"}},
      {0x2c97, 0x4015, {"ledger-nano-x"}},
      {0x2c97, 0x0005, {"ledger-nano-s-plus"}},
      {0x2c97, 0x5011, {"ledger-nano-s-plus"}},
      {0x2c97, 0x0006, {"ledger-stax"}},
      {0x2c97, 0x6011, {"ledger-stax"}},
      {0x2c97, 0x0007, {"ledger-flex"}},
      {0x2c97, 0x7011, {"ledger-flex"}},
      {0x03eb, 0x2403, {"bitbox02"}},
      {0xd13e, 0xcc10, {"coldcard"}},
      {0x10c4, 0xea60, {"blockstream-jade"}},
      {0x1a86, 0x55d4, {"blockstream-jade"}},
      {0x303a, 0x1001, {"blockstream-jade"}},
      // Near misses.
      {0x534c, 0x0002, {}},
      {0x1209, 0x53c2, {}},
      {0x2c97, 0x8011, {}},
      {0x2c98, 0x4015, {}},
      {0x0000, 0x0000, {}},
  };
  const Catalog& c = Catalog::builtin();
  for (const UsbCase& tc : cases) {
    SCOPED_TRACE(::testing::Message() << std::hex << tc.vid << ":" << tc.pid);
    EXPECT_EQ(model_ids(c.match_usb(tc.vid, tc.pid)), tc.expected);
  }
}

TEST(MatchUsb, TrezorCoreIdIsSharedByEveryCandidate) {
  const auto matches = Catalog::builtin().match_usb(0x1209, 0x53c1, 0);
  ASSERT_GE(matches.size(), 6u);
  for (const UsbMatch& m : matches) {
    EXPECT_TRUE(m.usb->shared()) << m.model->id();
    EXPECT_EQ(m.usb->transport(), pb::TRANSPORT_WEBUSB) << m.model->id();
    EXPECT_EQ(m.usb->mode(), pb::MODE_FIRMWARE) << m.model->id();
  }
}

TEST(MatchUsb, TrezorOneHidIsEitherMode) {
  const auto matches = Catalog::builtin().match_usb(0x534c, 0x0001, 0, 0xff00);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].usb->mode(), pb::MODE_EITHER);
  EXPECT_EQ(matches[0].usb->transport(), pb::TRANSPORT_HID);
  EXPECT_FALSE(matches[0].usb->shared());
}

TEST(MatchUsb, InterfaceAndUsagePageMustAgreeWhenKnown) {
  const Catalog& c = Catalog::builtin();
  // Trezor One debug link: interface 1, usage page 0xFF01.
  EXPECT_TRUE(c.match_usb(0x534c, 0x0001, 1).empty());
  EXPECT_TRUE(c.match_usb(0x534c, 0x0001, std::nullopt, 0xff01).empty());
  // Ledger U2F interface is not the APDU interface.
  EXPECT_TRUE(c.match_usb(0x2c97, 0x4015, 1, 0xf1d0).empty());
  EXPECT_EQ(model_ids(c.match_usb(0x2c97, 0x4015, 0, 0xffa0)), std::set<std::string>{"ledger-nano-x"});
  // Coldcard does not pin an interface: any is accepted.
  EXPECT_EQ(model_ids(c.match_usb(0xd13e, 0xcc10, 3, 0x1234)), std::set<std::string>{"coldcard"});
}

struct BitBoxCase {
  const char* product;
  pb::Mode mode;
  const char* note;
};

TEST(MatchUsb, BitBox02ProductStringPicksTheMode) {
  const std::vector<BitBoxCase> cases = {
      {"BitBox02", pb::MODE_FIRMWARE, "Multi edition"},
      {"BitBox02BTC", pb::MODE_FIRMWARE, "Bitcoin-only edition"},
      {"bb02-bootloader", pb::MODE_BOOTLOADER, "Multi edition"},
      {"bb02btc-bootloader", pb::MODE_BOOTLOADER, "Bitcoin-only edition"},
      {"BitBox02 Nova Multi", pb::MODE_FIRMWARE, "Nova, Multi edition"},
      {"BitBox02 Nova BTC-only bl", pb::MODE_BOOTLOADER, "Nova, Bitcoin-only edition"},
  };
  for (const BitBoxCase& tc : cases) {
    SCOPED_TRACE(tc.product);
    const auto matches = Catalog::builtin().match_usb(0x03eb, 0x2403, 0, 0xffff, tc.product);
    ASSERT_EQ(matches.size(), 1u);
    EXPECT_EQ(matches[0].model->id(), "bitbox02");
    EXPECT_EQ(matches[0].usb->mode(), tc.mode);
    EXPECT_EQ(matches[0].usb->note(), tc.note);
  }
}

TEST(MatchUsb, BitBox02UnknownProductStringMatchesNothing) {
  EXPECT_TRUE(Catalog::builtin().match_usb(0x03eb, 0x2403, 0, 0xffff, "SomethingElse").empty());
}

TEST(MatchUsb, BitBox02WithoutProductStringListsEveryMode) {
  EXPECT_EQ(Catalog::builtin().match_usb(0x03eb, 0x2403).size(), 8u);
}

TEST(MatchUsb, JadeBridgesAreSharedSerial) {
  for (const UsbMatch& m : Catalog::builtin().match_usb(0x10c4, 0xea60)) {
    EXPECT_TRUE(m.usb->shared());
    EXPECT_EQ(m.usb->transport(), pb::TRANSPORT_SERIAL);
  }
}

}  // namespace
}  // namespace cc::catalog
