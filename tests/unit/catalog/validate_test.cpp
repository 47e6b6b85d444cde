// Rules checked after parsing, within a file and across files.
#include <gtest/gtest.h>

#include "catalog/catalog.hpp"
#include "catalog/validate.hpp"
#include "core/error.hpp"
#include "test_texts.hpp"

namespace cc::catalog {
namespace {

using testing::model_text;

std::string error_of(const std::vector<NamedText>& files) {
  try {
    Catalog::from_texts(files);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    return e.what();
  }
  ADD_FAILURE() << "expected an error";
  return {};
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(Validate, ValidModelLoads) { EXPECT_NO_THROW(Catalog::from_texts({model_text("a.textproto", "a")})); }

TEST(Validate, DuplicateIdNamesBothFiles) {
  const std::string msg =
      error_of({model_text("devices/one.textproto", "same", 1), model_text("devices/two.textproto", "same", 2)});
  EXPECT_EQ(msg.rfind("devices/two.textproto:1:1: ", 0), 0u) << msg;
  EXPECT_TRUE(has(msg, "devices/one.textproto:1:1")) << msg;
  EXPECT_TRUE(has(msg, "duplicate model id \"same\"")) << msg;
}

TEST(Validate, MissingIdIsReported) {
  const std::string msg = error_of({{"devices/noid.textproto", "name: \"No id\"\n"}});
  EXPECT_EQ(msg.rfind("devices/noid.textproto", 0), 0u) << msg;
  EXPECT_TRUE(has(msg, "no id")) << msg;
}

TEST(Validate, IdMustBeALowerCaseSlug) {
  for (const char* bad : {"Trezor", "trezor safe", "-trezor", "trezor-", "a--b", "tre_zor"}) {
    SCOPED_TRACE(bad);
    const std::string msg = error_of({model_text("devices/slug.textproto", bad)});
    EXPECT_EQ(msg.rfind("devices/slug.textproto:1:1: ", 0), 0u) << msg;
    EXPECT_TRUE(has(msg, "slug")) << msg;
  }
  EXPECT_TRUE(is_slug("trezor-safe-3"));
  EXPECT_TRUE(is_slug("bitbox02"));
}

TEST(Validate, MissingNameIsReported) {
  const std::string msg = error_of({{"devices/x.textproto",
                                     "id: \"x\"\nprotocol: PROTOCOL_COLDCARD\n"
                                     "capabilities: CAPABILITY_IDENTIFY_ONLY\n"}});
  EXPECT_TRUE(has(msg, "devices/x.textproto:1:1: model has no name")) << msg;
}

TEST(Validate, MissingProtocolIsReported) {
  const std::string msg = error_of({{"devices/x.textproto",
                                     "id: \"x\"\nname: \"X\"\n"
                                     "capabilities: CAPABILITY_IDENTIFY_ONLY\n"}});
  EXPECT_TRUE(has(msg, "devices/x.textproto:1:1: model has no valid protocol")) << msg;
}

TEST(Validate, NumericUnknownEnumIsRejected) {
  const std::string msg = error_of({{"devices/x.textproto",
                                     "id: \"x\"\nname: \"X\"\nprotocol: 42\n"
                                     "capabilities: CAPABILITY_IDENTIFY_ONLY\n"}});
  EXPECT_EQ(msg.rfind("devices/x.textproto:3:", 0), 0u) << msg;
}

TEST(Validate, TrezorV1NeedsMessageTable) {
  const std::string msg = error_of({{"devices/t.textproto",
                                     "id: \"t\"\nname: \"T\"\nprotocol: PROTOCOL_TREZOR_V1\n"
                                     "features_match { vendor: \"x\" }\n"
                                     "capabilities: CAPABILITY_FEATURES\n"}});
  EXPECT_TRUE(has(msg, "devices/t.textproto:1:1: trezor-v1 model has no message_table")) << msg;
}

TEST(Validate, TrezorV1NeedsFeaturesMatch) {
  const std::string msg = error_of({{"devices/t.textproto",
                                     "id: \"t\"\nname: \"T\"\nprotocol: PROTOCOL_TREZOR_V1\n"
                                     "message_table: TABLE_TREZOR\n"
                                     "capabilities: CAPABILITY_FEATURES\n"}});
  EXPECT_TRUE(has(msg, "devices/t.textproto:1:1: trezor-v1 model needs features_match")) << msg;
}

TEST(Validate, UsbEntryNeedsVendorId) {
  const std::string msg = error_of({{"devices/u.textproto",
                                     "id: \"u\"\nname: \"U\"\nprotocol: PROTOCOL_COLDCARD\n"
                                     "usb { product_id: 1 mode: MODE_FIRMWARE "
                                     "transport: TRANSPORT_HID }\n"
                                     "capabilities: CAPABILITY_IDENTIFY_ONLY\n"}});
  EXPECT_TRUE(has(msg, "devices/u.textproto:4:1: usb entry 1 has no vendor_id")) << msg;
}

TEST(Validate, UsbIdsMustFitSixteenBits) {
  const std::string msg = error_of({{"devices/u.textproto",
                                     "id: \"u\"\nname: \"U\"\nprotocol: PROTOCOL_COLDCARD\n"
                                     "usb { vendor_id: 1 product_id: 0x10000 mode: MODE_FIRMWARE "
                                     "transport: TRANSPORT_HID }\n"
                                     "capabilities: CAPABILITY_IDENTIFY_ONLY\n"}});
  EXPECT_TRUE(has(msg, "devices/u.textproto:4:1: usb entry 1: product_id is larger")) << msg;
}

TEST(Validate, UsbEntryNeedsTransport) {
  const std::string msg = error_of({{"devices/u.textproto",
                                     "id: \"u\"\nname: \"U\"\nprotocol: PROTOCOL_COLDCARD\n"
                                     "usb { vendor_id: 1 product_id: 1 mode: MODE_FIRMWARE }\n"
                                     "usb { vendor_id: 1 product_id: 2 }\n"
                                     "capabilities: CAPABILITY_IDENTIFY_ONLY\n"}});
  EXPECT_TRUE(has(msg, "devices/u.textproto:4:1: usb entry 1 has no valid transport")) << msg;
}

TEST(Validate, IdentifyOnlyStandsAlone) {
  const std::string msg = error_of({model_text("devices/i.textproto", "i", 1, "capabilities: CAPABILITY_PING\n")});
  EXPECT_TRUE(has(msg, "devices/i.textproto:10:1: CAPABILITY_IDENTIFY_ONLY cannot")) << msg;
}

TEST(Validate, SameUsbIdInTwoFilesNamesBoth) {
  const std::string msg =
      error_of({model_text("devices/a.textproto", "a", 7), model_text("devices/b.textproto", "b", 7)});
  EXPECT_EQ(msg.rfind("devices/b.textproto:4:1: usb f00d:0007 is also claimed by "
                      "devices/a.textproto:4:1",
                      0),
            0u)
      << msg;
}

TEST(Validate, SameUsbIdIsAllowedWhenBothShared) {
  const std::string shared_usb =
      "usb { vendor_id: 0xf00d product_id: 9 mode: MODE_FIRMWARE transport: TRANSPORT_HID "
      "shared: true }\n";
  EXPECT_NO_THROW(Catalog::from_texts(
      {model_text("a.textproto", "a", 1, shared_usb), model_text("b.textproto", "b", 2, shared_usb)}));
  // One side shared is not enough: the other model would be matched silently.
  const std::string plain_usb =
      "usb { vendor_id: 0xf00d product_id: 9 mode: MODE_FIRMWARE transport: TRANSPORT_HID }\n";
  EXPECT_THROW(Catalog::from_texts(
                   {model_text("a.textproto", "a", 1, shared_usb), model_text("b.textproto", "b", 2, plain_usb)}),
               Error);
}

TEST(Validate, DifferentProductStringPrefixesDoNotConflict) {
  auto with_prefix = [](const std::string& prefix) {
    return "usb { vendor_id: 0xf00d product_id: 9 mode: MODE_FIRMWARE "
           "transport: TRANSPORT_HID product_string_prefix: \"" +
           prefix + "\" }\n";
  };
  EXPECT_NO_THROW(Catalog::from_texts(
      {model_text("a.textproto", "a", 1, with_prefix("A")), model_text("b.textproto", "b", 2, with_prefix("B"))}));
}

TEST(Validate, MaskedIdsConflictOnTheMaskedBits) {
  auto masked = [](unsigned pid) {
    return "usb { vendor_id: 0xf00d product_id: " + std::to_string(pid) +
           " product_id_mask: 0xff00 mode: MODE_FIRMWARE transport: TRANSPORT_HID }\n";
  };
  EXPECT_THROW(Catalog::from_texts({model_text("a.textproto", "a", 1, masked(0x4000)),
                                    model_text("b.textproto", "b", 2, masked(0x4015))}),
               Error);
  EXPECT_NO_THROW(Catalog::from_texts(
      {model_text("a.textproto", "a", 1, masked(0x4000)), model_text("b.textproto", "b", 2, masked(0x5000))}));
}

}  // namespace
}  // namespace cc::catalog
