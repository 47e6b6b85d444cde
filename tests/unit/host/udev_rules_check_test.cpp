#include <gtest/gtest.h>

#include <set>

#include "catalog/catalog.hpp"
#include "fake_tree.hpp"
#include "host/host_checks.hpp"

namespace cc::host {
namespace {

using test::FakeTree;

constexpr const char* kEtc = "/etc/udev/rules.d/";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(UdevRulesCheck, FindsTrezorStyleRuleWithUaccessAndPlugdev) {
  FakeTree tree;
  tree.write(
      "/etc/udev/rules.d/51-trezor.rules",
      "# Trezor\n"
      R"(SUBSYSTEM=="usb", ATTR{idVendor}=="1209", ATTR{idProduct}=="53c1", MODE="0660", GROUP="plugdev", TAG+="uaccess", TAG+="udev-acl", SYMLINK+="trezor%n")"
      "\n"
      R"(KERNEL=="hidraw*", ATTRS{idVendor}=="1209", ATTRS{idProduct}=="53c1",  MODE="0660", GROUP="plugdev", TAG+="uaccess")"
      "\n");
  const auto check = check_udev_rules(tree.root(), 0x1209, 0x53c1);
  EXPECT_TRUE(check.found);
  EXPECT_TRUE(check.uaccess);
  EXPECT_TRUE(check.plugdev);
  EXPECT_TRUE(check.rules_dirs_present);
  ASSERT_EQ(check.files, std::vector<std::string>{"/etc/udev/rules.d/51-trezor.rules"});
  ASSERT_EQ(check.hits.size(), 2u);
  EXPECT_EQ(check.hits[0].line, 2);
  EXPECT_EQ(check.hits[0].applies_to, "usb");
  EXPECT_EQ(check.hits[1].applies_to, "hidraw");
  EXPECT_FALSE(check.hits[0].vendor_only);
  EXPECT_EQ(check.hits[0].mode, "0660");
  EXPECT_TRUE(contains(check.detail, "51-trezor.rules:2"));
}

TEST(UdevRulesCheck, HexIsComparedIgnoringCaseButUpperCaseIsFlagged) {
  FakeTree tree;
  tree.write("/lib/udev/rules.d/51-x.rules", R"(ATTRS{idVendor}=="2B24", ATTRS{idProduct}=="0002", TAG+="uaccess")");
  const auto check = check_udev_rules(tree.root(), 0x2b24, 0x0002);
  EXPECT_TRUE(check.found);
  ASSERT_EQ(check.hits.size(), 1u);
  EXPECT_TRUE(check.hits[0].case_mismatch);
  EXPECT_TRUE(contains(check.detail, "case-sensitively"));

  FakeTree lower;
  lower.write("/lib/udev/rules.d/51-x.rules", R"(ATTRS{idVendor}=="2b24", ATTRS{idProduct}=="0002")");
  const auto ok = check_udev_rules(lower.root(), 0x2b24, 0x0002);
  ASSERT_EQ(ok.hits.size(), 1u);
  EXPECT_FALSE(ok.hits[0].case_mismatch);
}

TEST(UdevRulesCheck, ToleratesQuotingAndSpacingVariants) {
  FakeTree tree;
  tree.write("/usr/lib/udev/rules.d/60-a.rules",
             "SUBSYSTEMS == \"usb\"   ATTRS{idVendor} ==\t'534c' ,ATTRS{idProduct}== 0001 ,"
             " GROUP := \"plugdev\"\n");
  const auto check = check_udev_rules(tree.root(), 0x534c, 0x0001);
  EXPECT_TRUE(check.found);
  EXPECT_TRUE(check.plugdev);
  EXPECT_FALSE(check.uaccess);
  EXPECT_EQ(check.files, std::vector<std::string>{"/usr/lib/udev/rules.d/60-a.rules"});
}

TEST(UdevRulesCheck, VendorOnlyRuleCoversEveryProduct) {
  FakeTree tree;
  tree.write("/etc/udev/rules.d/20-hw1.rules",
             R"(SUBSYSTEMS=="usb", ATTRS{idVendor}=="2c97", MODE="0660", TAG+="uaccess", TAG+="udev-acl")");
  const auto check = check_udev_rules(tree.root(), 0x2c97, 0x5011);
  EXPECT_TRUE(check.found);
  EXPECT_TRUE(check.uaccess);
  ASSERT_EQ(check.hits.size(), 1u);
  EXPECT_TRUE(check.hits[0].vendor_only);
  EXPECT_EQ(check.hits[0].applies_to, "any");
  EXPECT_FALSE(check_udev_rules(tree.root(), 0x2c98, 0x5011).found);
}

TEST(UdevRulesCheck, HonoursAlternativesAndGlobs) {
  FakeTree tree;
  tree.write("/etc/udev/rules.d/20-ledger.rules",
             R"(ATTRS{idVendor}=="2c97", ATTRS{idProduct}=="0000|0001|40*", TAG+="uaccess")");
  EXPECT_TRUE(check_udev_rules(tree.root(), 0x2c97, 0x0001).found);
  EXPECT_TRUE(check_udev_rules(tree.root(), 0x2c97, 0x4015).found);
  EXPECT_FALSE(check_udev_rules(tree.root(), 0x2c97, 0x5011).found);
}

TEST(UdevRulesCheck, NotEqualExcludesTheDevice) {
  FakeTree tree;
  tree.write("/etc/udev/rules.d/50-x.rules", R"(ATTRS{idVendor}=="1209", ATTRS{idProduct}!="53c0", TAG+="uaccess")");
  EXPECT_TRUE(check_udev_rules(tree.root(), 0x1209, 0x53c1).found);
  EXPECT_FALSE(check_udev_rules(tree.root(), 0x1209, 0x53c0).found);
}

TEST(UdevRulesCheck, RuleForAnotherDeviceOnlyIsNotAMatch) {
  FakeTree tree;
  tree.write("/etc/udev/rules.d/51-trezor.rules",
             R"(SUBSYSTEM=="usb", ATTR{idVendor}=="1209", ATTR{idProduct}=="53c1", TAG+="uaccess")");
  tree.write("/etc/udev/rules.d/70-generic.rules", R"(SUBSYSTEM=="usb", TAG+="uaccess")");
  const auto check = check_udev_rules(tree.root(), 0x2b24, 0x0001);
  EXPECT_FALSE(check.found);
  EXPECT_FALSE(check.uaccess);
  EXPECT_TRUE(check.files.empty());
  EXPECT_TRUE(check.rules_dirs_present);
  EXPECT_TRUE(contains(check.detail, "no installed udev rule matches 2b24:0001"));
}

TEST(UdevRulesCheck, NoRulesDirectoryAtAll) {
  FakeTree tree;
  const auto check = check_udev_rules(tree.root(), 0x1209, 0x53c1);
  EXPECT_FALSE(check.found);
  EXPECT_FALSE(check.rules_dirs_present);
  EXPECT_TRUE(contains(check.detail, "no udev rules directory"));
}

TEST(UdevRulesCheck, EtcOverridesSameNameInLib) {
  FakeTree tree;
  tree.write("/lib/udev/rules.d/51-trezor.rules", R"(ATTRS{idVendor}=="1209", TAG+="uaccess")");
  tree.write("/etc/udev/rules.d/51-trezor.rules", "# emptied by the admin, on purpose\n");
  EXPECT_FALSE(check_udev_rules(tree.root(), 0x1209, 0x53c1).found);
}

TEST(UdevRulesCheck, DevNullLinkMasksARulesFile) {
  FakeTree tree;
  tree.write("/usr/lib/udev/rules.d/51-trezor.rules", R"(ATTRS{idVendor}=="1209", TAG+="uaccess")");
  tree.symlink("/etc/udev/rules.d/51-trezor.rules", "/dev/null");
  const auto check = check_udev_rules(tree.root(), 0x1209, 0x53c1);
  EXPECT_FALSE(check.found);
  EXPECT_EQ(check.masked, std::vector<std::string>{"/etc/udev/rules.d/51-trezor.rules"});
  EXPECT_TRUE(contains(check.detail, "masked"));
}

TEST(UdevRulesCheck, UaccessAfterSeatLateDoesNotCount) {
  FakeTree tree;
  tree.write("/etc/udev/rules.d/80-trezor.rules",
             R"(ATTRS{idVendor}=="1209", ATTRS{idProduct}=="53c1", TAG+="uaccess")");
  const auto check = check_udev_rules(tree.root(), 0x1209, 0x53c1);
  EXPECT_TRUE(check.found);
  EXPECT_FALSE(check.uaccess);
  ASSERT_EQ(check.hits.size(), 1u);
  EXPECT_TRUE(check.hits[0].uaccess);
  EXPECT_TRUE(check.hits[0].uaccess_too_late);
  EXPECT_TRUE(contains(check.detail, "73-seat-late"));
}

TEST(UdevRulesCheck, FilesAreListedInUdevOrderAcrossDirectories) {
  FakeTree tree;
  tree.write("/usr/lib/udev/rules.d/20-b.rules", R"(ATTRS{idVendor}=="1209", GROUP="plugdev")");
  tree.write("/etc/udev/rules.d/60-c.rules", R"(ATTRS{idVendor}=="1209")");
  tree.write("/run/udev/rules.d/10-a.rules", R"(ATTRS{idVendor}=="1209")");
  tree.write(std::string(kEtc) + "readme.txt", R"(ATTRS{idVendor}=="1209")");
  const auto check = check_udev_rules(tree.root(), 0x1209, 0x53c1);
  EXPECT_EQ(check.files, (std::vector<std::string>{"/run/udev/rules.d/10-a.rules", "/usr/lib/udev/rules.d/20-b.rules",
                                                   "/etc/udev/rules.d/60-c.rules"}));
  EXPECT_TRUE(check.plugdev);
}

// The rules coldcheck generates must satisfy coldcheck's own check for every USB id in the
// catalog, except serial bridges, which deliberately get no rule.
TEST(UdevRulesCheck, GeneratedRulesCoverEveryCatalogDevice) {
  namespace pb = ::coldcheck::catalog;
  const auto& catalog = catalog::Catalog::builtin();
  FakeTree tree;
  tree.write("/etc/udev/rules.d/51-coldcheck.rules", catalog::render_udev_rules(catalog));

  std::set<std::uint32_t> ruled_vendors;
  int checked = 0;
  for (const auto& model : catalog.models()) {
    for (const auto& usb : model.usb()) {
      if (usb.transport() == pb::TRANSPORT_SERIAL) continue;
      ruled_vendors.insert(usb.vendor_id());
      const auto vid = static_cast<std::uint16_t>(usb.vendor_id());
      const auto pid = static_cast<std::uint16_t>(usb.product_id());
      const auto check = check_udev_rules(tree.root(), vid, pid);
      SCOPED_TRACE(model.id() + " " + std::to_string(vid) + ":" + std::to_string(pid));
      EXPECT_TRUE(check.found);
      EXPECT_TRUE(check.uaccess);
      EXPECT_TRUE(check.plugdev);
      bool usb_rule = false;
      bool hidraw_rule = false;
      for (const auto& hit : check.hits) {
        EXPECT_FALSE(hit.case_mismatch);
        usb_rule = usb_rule || hit.applies_to == "usb";
        hidraw_rule = hidraw_rule || hit.applies_to == "hidraw";
      }
      EXPECT_TRUE(usb_rule);
      if (usb.transport() == pb::TRANSPORT_HID) {
        EXPECT_TRUE(hidraw_rule);
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 10);

  int serial = 0;
  for (const auto& model : catalog.models()) {
    for (const auto& usb : model.usb()) {
      if (usb.transport() != pb::TRANSPORT_SERIAL || ruled_vendors.count(usb.vendor_id())) continue;
      ++serial;
      EXPECT_FALSE(check_udev_rules(tree.root(), static_cast<std::uint16_t>(usb.vendor_id()),
                                    static_cast<std::uint16_t>(usb.product_id()))
                       .found)
          << model.id() << " serial bridge " << usb.vendor_id();
    }
  }
  EXPECT_GT(serial, 0);
}

}  // namespace
}  // namespace cc::host
