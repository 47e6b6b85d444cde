// Syntax-level failures: the message must point at the file, line and column.
#include <gtest/gtest.h>

#include "catalog/catalog.hpp"
#include "core/error.hpp"
#include "test_texts.hpp"

namespace cc::catalog {
namespace {

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

TEST(Parse, SyntaxErrorGivesNameLineColumn) {
  const std::string msg = error_of({{"devices/bad.textproto",
                                     "id: \"bad\"\n"
                                     "name: \"Bad\"\n"
                                     "usb { vendor_id: 0x1234 \n"
                                     "  product_id: ]\n"
                                     "}\n"}});
  EXPECT_EQ(msg.rfind("devices/bad.textproto:4:15: ", 0), 0u) << msg;
}

TEST(Parse, UnknownEnumValueGivesItsLine) {
  const std::string msg = error_of({{"devices/enum.textproto",
                                     "id: \"enum\"\n"
                                     "name: \"Enum\"\n"
                                     "protocol: PROTOCOL_CARRIER_PIGEON\n"
                                     "\n"
                                     "notes: \"after\"\n"}});
  EXPECT_EQ(msg.rfind("devices/enum.textproto:3:11: ", 0), 0u) << msg;
  EXPECT_NE(msg.find("PROTOCOL_CARRIER_PIGEON"), std::string::npos) << msg;
}

TEST(Parse, UnknownFieldGivesItsLine) {
  const std::string msg = error_of({{"devices/field.textproto",
                                     "id: \"field\"\n"
                                     "colour: \"red\"\n"}});
  EXPECT_EQ(msg.rfind("devices/field.textproto:2:", 0), 0u) << msg;
  EXPECT_NE(msg.find("colour"), std::string::npos) << msg;
}

TEST(Parse, FirstBadFileIsReported) {
  const std::string msg = error_of({testing::model_text("devices/a.textproto", "a"),
                                    {"devices/b.textproto", "id: 7\n"},
                                    {"devices/c.textproto", "???"}});
  EXPECT_EQ(msg.rfind("devices/b.textproto:1:", 0), 0u) << msg;
}

TEST(Parse, CommentsAndHexNumbersAreAccepted) {
  const Catalog c = Catalog::from_texts(
      {testing::model_text("devices/ok.textproto", "ok", 0xabcd, "# a trailing comment\nnotes: \"fine\"\n")});
  ASSERT_EQ(c.models().size(), 1u);
  EXPECT_EQ(c.models()[0].usb(0).product_id(), 0xabcdu);
  EXPECT_EQ(c.models()[0].notes(), "fine");
}

}  // namespace
}  // namespace cc::catalog
