#include "test_support.hpp"

namespace cc::findings::testing {
namespace {

std::string release(const std::string& version, const std::string& extra = "") {
  return "releases { version: \"" + version + "\" source: \"test\" " + extra + "}\n";
}

std::string trezor_v1_model(const std::string& id, const std::string& vendor, const std::string& usb,
                            const std::string& features_vendor, const std::string& releases) {
  return "id: \"" + id + "\"\nvendor: \"" + vendor + "\"\nname: \"Test " + id +
         "\"\nprotocol: PROTOCOL_TREZOR_V1\nmessage_table: TABLE_TREZOR\n" + usb + "features_match { vendor: \"" +
         features_vendor + "\" }\ncapabilities: CAPABILITY_FEATURES\n" + releases;
}

constexpr const char* kSharedUsb =
    "usb { vendor_id: 0x1209 product_id: 0x53c1 mode: MODE_FIRMWARE transport: TRANSPORT_WEBUSB "
    "interface_number: 0 shared: true }\n";
// The clone reuses the Trezor's id: the catalog marks it borrowed.
constexpr const char* kBorrowedUsb =
    "usb { vendor_id: 0x1209 product_id: 0x53c1 mode: MODE_FIRMWARE transport: TRANSPORT_WEBUSB "
    "interface_number: 0 shared: true borrowed: true }\n";

std::string own_usb(int product) {
  return "usb { vendor_id: 0xf00d product_id: " + std::to_string(product) +
         " mode: MODE_EITHER transport: TRANSPORT_HID }\n";
}

}  // namespace

const catalog::Catalog& test_catalog() {
  static const catalog::Catalog catalog = catalog::Catalog::from_texts({
      {"test-trezor.textproto", trezor_v1_model("test-trezor", "Trezor", kSharedUsb, "trezor.io",
                                                release("1.0.0") + release("1.1.0", "security_fix: true ") +
                                                    release("1.2.0") + release("1.3.0", "unverified: true "))},
      {"test-clone.textproto",
       trezor_v1_model("test-clone", "CloneCo", kBorrowedUsb, "clone.example", release("3.0.0"))},
      {"test-own.textproto", trezor_v1_model("test-own", "OwnCo", own_usb(1), "own.example", "")},
      {"test-unverified.textproto", trezor_v1_model("test-unverified", "OwnCo", own_usb(2), "unverified.example",
                                                    release("5.0.0", "unverified: true "))},
  });
  return catalog;
}

::coldcheck::DeviceFacts healthy_facts() {
  ::coldcheck::DeviceFacts f;
  f.set_catalog_id("test-trezor");
  f.set_model_name("Test test-trezor");
  f.set_maker("Trezor");
  f.set_protocol_vendor("trezor.io");
  f.set_mode(::coldcheck::DEVICE_MODE_FIRMWARE);
  f.set_firmware_version("1.2.0");
  f.set_firmware_present(true);
  f.set_firmware_corrupted(false);
  f.set_initialized(true);
  f.set_pin_protection(true);
  f.set_unlocked(true);
  f.set_passphrase_protection(false);
  f.set_backup(::coldcheck::BACKUP_STATE_DONE);
  f.set_busy(false);
  return f;
}

std::set<std::string> codes_of(const std::vector<::coldcheck::report::Finding>& findings) {
  std::set<std::string> out;
  for (const auto& f : findings) out.insert(f.code());
  return out;
}

std::vector<::coldcheck::report::Finding> run(const ::coldcheck::DeviceFacts& facts) {
  Inputs in;
  in.facts = &facts;
  return evaluate(in, test_catalog(), Language::kEnglish);
}

std::set<std::string> codes_for(const ::coldcheck::DeviceFacts& facts) { return codes_of(run(facts)); }

const ::coldcheck::report::Finding* find(const std::vector<::coldcheck::report::Finding>& findings,
                                         const std::string& code) {
  for (const auto& f : findings) {
    if (f.code() == code) return &f;
  }
  return nullptr;
}

}  // namespace cc::findings::testing
