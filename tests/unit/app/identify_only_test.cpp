// Families coldcheck identifies from USB alone (BitBox02, Coldcard, Jade): there is no
// USB bus here, so synthetic nodes go through the builtin catalog, then the app-level
// result: facts, findings, and checks that say "unsupported" with a reason.
#include "app/identify_only.hpp"
#include "checks/identify_only.hpp"

#include <gtest/gtest.h>

#include <set>

#include "findings/findings.hpp"

namespace cc::app {
namespace {

namespace rp = ::coldcheck::report;

enumerate::UsbNode node(std::uint16_t vid, std::uint16_t pid, std::string product, int interface = 0,
                        std::uint16_t usage_page = 0xffff) {
  enumerate::UsbNode n;
  n.path = "hid:/dev/hidraw7";
  n.vendor_id = vid;
  n.product_id = pid;
  n.interface_number = interface;
  n.usage_page = usage_page;
  n.product = std::move(product);
  n.state = ::coldcheck::ACCESS_READY;
  return n;
}

const catalog::Catalog& cat() { return catalog::Catalog::builtin(); }

std::set<std::string> codes_for(const ::coldcheck::DeviceFacts& facts) {
  findings::Inputs in;
  in.facts = &facts;
  std::set<std::string> out;
  for (const auto& f : findings::evaluate(in, cat(), findings::Language::kEnglish)) out.insert(f.code());
  return out;
}

TEST(IdentifyOnly, BitBox02EditionAndModeFromTheProductString) {
  struct Case {
    const char* product;
    ::coldcheck::DeviceMode mode;
  } cases[] = {
      {"BitBox02", ::coldcheck::DEVICE_MODE_FIRMWARE},
      {"BitBox02BTC", ::coldcheck::DEVICE_MODE_FIRMWARE},
      {"bb02-bootloader", ::coldcheck::DEVICE_MODE_BOOTLOADER},
      {"bb02btc-bootloader", ::coldcheck::DEVICE_MODE_BOOTLOADER},
  };
  for (const auto& c : cases) {
    const auto facts = identify_usb_node(cat(), node(0x03eb, 0x2403, c.product));
    EXPECT_EQ(facts.catalog_id(), "bitbox02") << c.product;
    EXPECT_EQ(facts.maker(), "BitBox") << c.product;
    EXPECT_EQ(facts.mode(), c.mode) << c.product;
    EXPECT_EQ(facts.path(), "hid:/dev/hidraw7");
  }
}

TEST(IdentifyOnly, ColdcardAndJade) {
  const auto coldcard = identify_usb_node(cat(), node(0xd13e, 0xcc10, "Coldcard Wallet", 0, 0xff00));
  EXPECT_EQ(coldcard.catalog_id(), "coldcard");
  EXPECT_EQ(coldcard.maker(), "Coinkite");
  EXPECT_EQ(coldcard.mode(), ::coldcheck::DEVICE_MODE_FIRMWARE);
  const auto jade = identify_usb_node(cat(), node(0x10c4, 0xea60, "CP2104 USB to UART Bridge Controller", -1, 0));
  EXPECT_EQ(jade.catalog_id(), "blockstream-jade");
  EXPECT_EQ(jade.maker(), "Blockstream");
}

TEST(IdentifyOnly, UnknownNodeKeepsOnlyItsPath) {
  const auto facts = identify_usb_node(cat(), node(0x1234, 0x5678, "Keyboard"));
  EXPECT_EQ(facts.path(), "hid:/dev/hidraw7");
  EXPECT_TRUE(facts.catalog_id().empty());
  EXPECT_EQ(facts.mode(), ::coldcheck::DEVICE_MODE_UNKNOWN);
}

TEST(IdentifyOnly, ChecksSayUnsupportedAndWhy) {
  const auto facts = identify_usb_node(cat(), node(0x03eb, 0x2403, "BitBox02"));
  const auto checks = checks::identify_only_checks(facts, findings::Language::kEnglish);
  std::set<std::string> ids;
  for (const auto& c : checks) {
    ids.insert(c.id());
    EXPECT_EQ(c.status(), rp::CHECK_UNSUPPORTED) << c.id();
    EXPECT_NE(c.title(), c.id()) << "a title for people, not the id";
    EXPECT_NE(c.detail().find("BitBox02"), std::string::npos) << c.detail();
  }
  EXPECT_EQ(ids, (std::set<std::string>{"fw.revision", "fw.hash", "auth.device"}));
  const auto zh = checks::identify_only_checks(facts, findings::Language::kChineseSimplified);
  ASSERT_EQ(zh.size(), checks.size());
  EXPECT_NE(zh[0].detail(), checks[0].detail()) << "the reason is not translated";
}

TEST(IdentifyOnly, FindingsComeFromModeAloneAndAccuseNothing) {
  const auto firmware = identify_usb_node(cat(), node(0x03eb, 0x2403, "BitBox02BTC"));
  EXPECT_EQ(codes_for(firmware), std::set<std::string>{});
  const auto bootloader = identify_usb_node(cat(), node(0x03eb, 0x2403, "bb02-bootloader"));
  EXPECT_EQ(codes_for(bootloader), std::set<std::string>{"CC-DEV-BOOTLOADER"});
  // Jade's serial bridges are generic chips, not Trezor ids: no clone finding.
  const auto jade = identify_usb_node(cat(), node(0x1a86, 0x55d4, "", -1, 0));
  EXPECT_EQ(codes_for(jade).count("CC-CLONE-MISIDENTIFIED"), 0u);
}

}  // namespace
}  // namespace cc::app
