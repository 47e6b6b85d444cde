#include "firmware/image.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "test_images.hpp"

namespace cc::firmware {
namespace {

using test::Bytes;
using ::testing::HasSubstr;

void expect_invalid(const Bytes& bytes, const std::string& needle) {
  try {
    (void)parse_image(bytes);
    ADD_FAILURE() << "parsed without error; expected one mentioning '" << needle << "'";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument) << e.what();
    EXPECT_THAT(e.what(), HasSubstr(needle));
  }
}

TEST(ParseImage, LegacyV2Fixture) {
  const auto info = parse_image(test::read_fixture("t1b1-legacy-v2.bin"));
  EXPECT_EQ(info.kind, "legacy-v2");
  EXPECT_TRUE(info.has_legacy_header);
  EXPECT_EQ(info.internal_model, "T1B1");
  EXPECT_TRUE(info.internal_model_inferred);  // Trezor One headers leave hw_model zero
  EXPECT_EQ(info.version, "1.12.1");
  EXPECT_EQ(info.version_number, (Version{1, 12, 1, 0}));
  EXPECT_EQ(info.fix_version.to_string_with_build(), "1.12.1.0");
  EXPECT_EQ(info.header_length, 1024u);
  EXPECT_EQ(info.reset_handler, 0x080105F1u);  // header.S: the reset handler where header_len would be
  EXPECT_EQ(info.expiry, 0u);
  EXPECT_EQ(info.code_length, 6000u);
  EXPECT_EQ(info.code_offset, 256u + 1024u);
  EXPECT_EQ(info.trailing_bytes, 0u);
  EXPECT_EQ(info.vendor, "");
  EXPECT_EQ(info.legacy_header_signatures.slots, 3u);
  EXPECT_EQ(info.legacy_header_signatures.present, 0u);
  EXPECT_EQ(info.firmware_signatures.scheme, "v1-secp256k1");
  EXPECT_EQ(info.firmware_signatures.present, 0u);
}

TEST(ParseImage, CoreFixture) {
  const auto info = parse_image(test::read_fixture("t2b1-core.bin"));
  EXPECT_EQ(info.kind, "core");
  EXPECT_FALSE(info.has_legacy_header);
  EXPECT_EQ(info.internal_model, "T2B1");
  EXPECT_FALSE(info.internal_model_inferred);
  EXPECT_EQ(info.version, "2.8.1");
  EXPECT_EQ(info.vendor, "coldcheck synthetic");
  EXPECT_EQ(info.vendor_header_length, 512u);
  EXPECT_EQ(info.vendor_sig_m, 2u);
  EXPECT_EQ(info.vendor_sig_n, 3u);
  EXPECT_EQ(info.header_length, 1024u);
  EXPECT_EQ(info.code_length, 3500u);
  EXPECT_EQ(info.code_offset, 512u + 1024u);
  EXPECT_EQ(info.trailing_bytes, 0u);
  EXPECT_EQ(info.firmware_signatures.scheme, "cosi-ed25519");
  EXPECT_EQ(info.firmware_signatures.present, 0u);
  EXPECT_EQ(info.vendor_header_signatures.present, 0u);
}

TEST(ParseImage, BareTrzfIsLegacyV2WithoutContainer) {
  const auto info = parse_image(test::firmware_image(100));
  EXPECT_EQ(info.kind, "legacy-v2");
  EXPECT_FALSE(info.has_legacy_header);
  EXPECT_EQ(info.version, "1.12.1");
  EXPECT_EQ(info.version_number.build, 7u);
  EXPECT_EQ(info.fix_version.to_string(), "1.11.0");
  EXPECT_EQ(info.code_offset, 1024u);
  EXPECT_EQ(info.internal_model, "T1B1");
}

TEST(ParseImage, StatedHwModelWins) {
  const auto info = parse_image(test::legacy_container(test::firmware_image(10, "T1B1")));
  EXPECT_EQ(info.internal_model, "T1B1");
  EXPECT_FALSE(info.internal_model_inferred);
}

TEST(ParseImage, LegacyV1HasNoVersion) {
  const auto info = parse_image(test::legacy_container(test::filler(500, 3)));
  EXPECT_EQ(info.kind, "legacy-v1");
  EXPECT_TRUE(info.has_legacy_header);
  EXPECT_EQ(info.version, "");
  EXPECT_EQ(info.code_length, 500u);
  EXPECT_EQ(info.code_offset, 256u);
  EXPECT_EQ(info.internal_model, "T1B1");
  EXPECT_TRUE(info.internal_model_inferred);
}

TEST(ParseImage, TrailingBytesAreCounted) {
  Bytes image = test::firmware_image(10);
  image.resize(image.size() + 5, 0xAA);
  EXPECT_EQ(parse_image(image).trailing_bytes, 5u);
}

TEST(ParseImage, SignatureSlotsPresent) {
  Bytes payload = test::firmware_image(10);
  payload[736] = 1;
  payload[738] = 4;
  Bytes image = test::legacy_container(payload);
  image[8] = 2;
  auto info = parse_image(image);
  EXPECT_EQ(info.legacy_header_signatures.present, 1u);
  EXPECT_EQ(info.firmware_signatures.present, 2u);

  Bytes core = test::core_image(10);
  core[512 - 65] = 0b101;         // vendor header sigmask
  core[512 + 1024 - 65] = 0b111;  // firmware header sigmask
  info = parse_image(core);
  EXPECT_EQ(info.vendor_header_signatures.present, 2u);
  EXPECT_EQ(info.firmware_signatures.present, 3u);
}

TEST(ParseImage, CoreWithZeroModelIsModelT) {
  Bytes image = test::core_image(10, "");
  const auto info = parse_image(image);
  EXPECT_EQ(info.internal_model, "T2T1");
  EXPECT_TRUE(info.internal_model_inferred);
}

TEST(ParseImage, CoreModelFromVendorHeaderWhenFirmwareHeaderIsZero) {
  Bytes image = test::core_image(10, "T3T1");
  test::put_u32(image, 512 + 24, 0);
  const auto info = parse_image(image);
  EXPECT_EQ(info.internal_model, "T3T1");
  EXPECT_FALSE(info.internal_model_inferred);
}

TEST(ParseImage, VendorStringMadePrintable) {
  const auto info = parse_image(test::core_image(10, "T2B1", std::string("ev\x1b[2Jil\xff", 9)));
  EXPECT_EQ(info.vendor, "ev?[2Jil?");
}

TEST(ParseImageErrors, TooShortForMagic) {
  expect_invalid({}, "magic");
  expect_invalid({'T', 'R', 'Z'}, "magic");
}

TEST(ParseImageErrors, WrongMagic) { expect_invalid({'M', 'Z', 0, 0, 1, 2, 3, 4}, "none of TRZR, TRZF, TRZV"); }

TEST(ParseImageErrors, TruncatedFirmwareHeader) {
  Bytes image = test::firmware_image(0);
  image.resize(600);
  expect_invalid(image, "firmware header: header (1024 bytes)");
}

TEST(ParseImageErrors, CoreFirmwareHeaderLength) {
  Bytes image = test::core_image(10);
  test::put_u32(image, 512 + 4, 0xFFFFFFFF);
  expect_invalid(image, "firmware header: header_len 4294967295");
  test::put_u32(image, 512 + 4, 0x080105F1);  // a reset handler is no header_len on core images
  expect_invalid(image, "firmware header: header_len 134284785 is not 1024");
}

// The Trezor One bootloader ignores the word after TRZF: whatever it holds, the image parses.
TEST(ParseImage, TrezorOneWordAfterMagicIsTheResetHandler) {
  for (const std::uint32_t word : {0u, 1024u, 0x08010401u, 0xFFFFFFFFu}) {
    Bytes bare = test::firmware_image(5000);
    test::put_u32(bare, 4, word);
    const auto info = parse_image(bare);
    EXPECT_EQ(info.kind, "legacy-v2");
    EXPECT_EQ(info.header_length, 1024u);
    EXPECT_EQ(info.reset_handler, word);
    EXPECT_EQ(parse_image(test::legacy_container(bare)).reset_handler, word);
  }
}

// Images in the vendor's layout (scripts/make_test_firmware.py; trezorlib parses them).
TEST(ParseImage, SignedTrezorOneRelease) {
  const auto info = parse_image(test::read_fixture("t1b1-1.14.1-signed.bin"));
  EXPECT_EQ(info.kind, "legacy-v2");
  EXPECT_TRUE(info.has_legacy_header);
  EXPECT_EQ(info.version, "1.14.1");
  EXPECT_EQ(info.internal_model, "T1B1");
  EXPECT_FALSE(info.internal_model_inferred);
  EXPECT_EQ(info.reset_handler, 0x080105F1u);
  EXPECT_EQ(info.code_length, 9000u);
  EXPECT_EQ(info.legacy_header_signatures.present, 3u);
  EXPECT_EQ(info.firmware_signatures.scheme, "v1-secp256k1");
  EXPECT_EQ(info.firmware_signatures.present, 3u);
}

TEST(ParseImage, BareUnsignedTrezorOneBuild) {
  const auto info = parse_image(test::read_fixture("t1b1-1.13.0-bare.bin"));
  EXPECT_EQ(info.kind, "legacy-v2");
  EXPECT_FALSE(info.has_legacy_header);
  EXPECT_EQ(info.version, "1.13.0");
  EXPECT_EQ(info.internal_model, "T1B1");
  EXPECT_TRUE(info.internal_model_inferred);
  EXPECT_EQ(info.code_offset, 1024u);
  EXPECT_EQ(info.firmware_signatures.present, 0u);
}

TEST(ParseImage, SignedModelTWithZeroHwModel) {
  const auto info = parse_image(test::read_fixture("t2t1-2.8.1-signed.bin"));
  EXPECT_EQ(info.kind, "core");
  EXPECT_EQ(info.internal_model, "T2T1");
  EXPECT_TRUE(info.internal_model_inferred);
  EXPECT_EQ(info.reset_handler, 0u);
  EXPECT_EQ(info.vendor_header_signatures.present, 2u);
  EXPECT_EQ(info.firmware_signatures.scheme, "cosi-ed25519");
  EXPECT_EQ(info.firmware_signatures.present, 2u);
}

TEST(ParseImageErrors, FirmwareCodeLengthPastEnd) {
  Bytes image = test::firmware_image(10);
  test::put_u32(image, 12, 11);
  expect_invalid(image, "code_length 11 points past the end");
  test::put_u32(image, 12, 0xFFFFFFFF);
  expect_invalid(image, "code_length");
}

TEST(ParseImageErrors, LegacyHeaderTruncated) {
  Bytes image = test::legacy_container(test::firmware_image(10));
  image.resize(100);
  expect_invalid(image, "legacy header: header (256 bytes)");
}

TEST(ParseImageErrors, LegacyCodeLengthPastEnd) {
  Bytes image = test::legacy_container(test::firmware_image(10));
  test::put_u32(image, 4, 0xFFFFFFF0);
  expect_invalid(image, "legacy header: code_length 4294967280 points past the end");
}

TEST(ParseImageErrors, InnerCodeLengthPastContainer) {
  // The inner header claims more code than the TRZR container holds, although the
  // file continues: the container's length is the bound.
  Bytes image = test::legacy_container(test::firmware_image(10));
  test::put_u32(image, 4, 1024 + 5);
  expect_invalid(image, "firmware header: code_length 10 points past the end");
}

TEST(ParseImageErrors, VendorHeaderLength) {
  Bytes image = test::core_image(10);
  test::put_u32(image, 4, static_cast<std::uint32_t>(image.size() + 512));
  expect_invalid(image, "vendor header: header_len");
  test::put_u32(image, 4, 0xFFFFFFFF);
  expect_invalid(image, "vendor header: header_len 4294967295 exceeds");
  test::put_u32(image, 4, 40);
  expect_invalid(image, "vendor header: header_len 40 is too small");
}

TEST(ParseImageErrors, VendorKeyCount) {
  Bytes image = test::core_image(10);
  image[15] = 9;
  expect_invalid(image, "vendor header: sig_n 9");
  image[15] = 1;
  image[14] = 2;
  expect_invalid(image, "vendor header: sig_m 2 is more than sig_n 1");
}

TEST(ParseImageErrors, VendorStringIntoSignature) {
  Bytes image = test::core_image(10, "T2B1", "x", 8);
  // 8 keys end at 288; the string may not reach into the last 65 bytes of 512.
  image[288] = 255;
  expect_invalid(image, "vendor header: vendor string length 255 runs into the signature block");
}

TEST(ParseImageErrors, KeysDoNotFit) {
  Bytes image = test::core_image(10, "T2B1", "", 8);
  test::put_u32(image, 4, 320);  // 32 + 8*32 = 288 >= 320 - 65
  image.resize(320);
  expect_invalid(image, "vendor header: sig_n 8 keys do not fit");
}

TEST(ParseImageErrors, MissingFirmwareHeaderAfterVendorHeader) {
  Bytes image = test::core_image(10);
  image.resize(512);
  expect_invalid(image, "firmware header: magic is not TRZF");
}

TEST(ParseImageErrors, HwModelNotAName) {
  Bytes image = test::firmware_image(10);
  image[24] = 0x01;
  expect_invalid(image, "firmware header: hw_model is not a model name (hex 01000000)");
}

TEST(ParseImageErrors, HwModelsDisagree) {
  Bytes image = test::core_image(10, "T2B1");
  test::put_text(image, 512 + 24, "T3T1");
  expect_invalid(image, "hw_model T3T1 differs from the vendor header's T2B1");
}

TEST(ParseImageErrors, EveryTruncationOfTheFixturesIsRejected) {
  for (const char* name : {"t1b1-legacy-v2.bin", "t2b1-core.bin"}) {
    const Bytes full = test::read_fixture(name);
    for (std::size_t n = 0; n < full.size(); ++n) {
      const Bytes prefix(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(n));
      try {
        (void)parse_image(prefix);
        ADD_FAILURE() << name << " truncated to " << n << " bytes parsed";
      } catch (const Error& e) {
        ASSERT_EQ(e.code(), ErrorCode::kInvalidArgument) << e.what();
      }
    }
  }
}

}  // namespace
}  // namespace cc::firmware
