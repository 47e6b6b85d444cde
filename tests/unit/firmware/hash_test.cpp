#include "firmware/hash.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <numeric>

#include "core/error.hpp"
#include "test_images.hpp"

namespace cc::firmware {
namespace {

using test::Bytes;

Bytes challenge_of(std::size_t n) {
  Bytes out(n);
  std::iota(out.begin(), out.end(), std::uint8_t{0x40});
  return out;
}

// The preparation done by hand: what the device's flash area holds.
Blake2sDigest reference_hash(const Bytes& stored, std::size_t area, const Bytes& challenge) {
  Bytes flash = stored;
  flash.resize(area, 0xFF);
  return blake2s_keyed(challenge, flash);
}

void expect_error(ErrorCode code, const std::function<void()>& f, const std::string& needle = "") {
  try {
    f();
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), code) << e.what();
    EXPECT_THAT(e.what(), ::testing::HasSubstr(needle));
  }
}

TEST(StripLegacyHeader, DropsTrzrOnlyBeforeTrzf) {
  const Bytes inner = test::firmware_image(100);
  const Bytes wrapped = test::legacy_container(inner);
  const auto stripped = strip_legacy_header(wrapped);
  ASSERT_EQ(stripped.size(), inner.size());
  EXPECT_TRUE(std::equal(stripped.begin(), stripped.end(), inner.begin()));

  // TRZR without TRZF at 256 (legacy-v1): kept whole.
  const Bytes v1 = test::legacy_container(test::filler(2000, 5));
  EXPECT_EQ(strip_legacy_header(v1).size(), v1.size());
  // TRZF at 256 but no TRZR in front: kept whole.
  Bytes not_trzr = wrapped;
  not_trzr[0] = 'X';
  EXPECT_EQ(strip_legacy_header(not_trzr).size(), not_trzr.size());
  // Already stripped, core images, short buffers.
  EXPECT_EQ(strip_legacy_header(inner).size(), inner.size());
  const Bytes core = test::core_image(10);
  EXPECT_EQ(strip_legacy_header(core).size(), core.size());
  const Bytes tiny(wrapped.begin(), wrapped.begin() + 259);
  EXPECT_EQ(strip_legacy_header(tiny).size(), 259u);
  EXPECT_EQ(strip_legacy_header({}).size(), 0u);
}

TEST(PredictFirmwareHash, LegacyFixtureIsStrippedAndPadded) {
  const Bytes image = test::read_fixture("t1b1-legacy-v2.bin");
  const Bytes stored(image.begin() + 256, image.end());
  for (const std::size_t n : {1u, 16u, 32u}) {
    const Bytes challenge = challenge_of(n);
    EXPECT_EQ(predict_firmware_hash(image, "T1B1", challenge), reference_hash(stored, kAreaT1B1, challenge)) << n;
  }
  // The stripped image predicts the same value: the device stores the same bytes.
  EXPECT_EQ(predict_firmware_hash(stored, "T1B1", challenge_of(8)),
            predict_firmware_hash(image, "T1B1", challenge_of(8)));
}

TEST(PredictFirmwareHash, CoreFixtureIsPaddedWhole) {
  const Bytes image = test::read_fixture("t2b1-core.bin");
  for (const std::size_t n : {1u, 16u, 32u}) {
    const Bytes challenge = challenge_of(n);
    EXPECT_EQ(predict_firmware_hash(image, "T2B1", challenge), reference_hash(image, kAreaT2, challenge)) << n;
  }
}

TEST(PredictFirmwareHash, AreaSizeMatters) {
  const Bytes image = test::read_fixture("t2b1-core.bin");
  const Bytes challenge = challenge_of(16);
  EXPECT_NE(predict_firmware_hash(image, "T2B1", challenge), predict_firmware_hash(image, "T1B1", challenge));
  EXPECT_NE(predict_firmware_hash(image, "T3W1", challenge), predict_firmware_hash(image, "T3T1", challenge));
  // T2B1 and T3T1 areas are the same size: the same bytes give the same hash.
  EXPECT_EQ(predict_firmware_hash(image, "T2B1", challenge), predict_firmware_hash(image, "T3T1", challenge));
}

TEST(PredictFirmwareHash, ChallengeChangesTheHash) {
  const Bytes image = test::read_fixture("t2b1-core.bin");
  Bytes other = challenge_of(16);
  other[15] ^= 1;
  EXPECT_NE(predict_firmware_hash(image, "T2B1", challenge_of(16)), predict_firmware_hash(image, "T2B1", other));
  EXPECT_NE(predict_firmware_hash(image, "T2B1", challenge_of(16)),
            predict_firmware_hash(image, "T2B1", challenge_of(17)));
}

TEST(PredictFirmwareHash, ChallengeLengthIsChecked) {
  const Bytes image = test::read_fixture("t2b1-core.bin");
  for (const std::size_t n : {0u, 33u}) {
    expect_error(
        ErrorCode::kInvalidArgument, [&] { (void)predict_firmware_hash(image, "T2B1", challenge_of(n)); },
        "challenge must be 1..32 bytes, got " + std::to_string(n));
    // Reported before the model is looked at.
    expect_error(ErrorCode::kInvalidArgument, [&] { (void)predict_firmware_hash(image, "XXXX", challenge_of(n)); });
    expect_error(ErrorCode::kInvalidArgument,
                 [&] { (void)predict_firmware_hash_for_area(image, 1 << 20, challenge_of(n)); });
  }
}

TEST(PredictFirmwareHash, UnknownModelIsUnsupported) {
  expect_error(ErrorCode::kUnsupported,
               [&] { (void)predict_firmware_hash(test::read_fixture("t2b1-core.bin"), "", challenge_of(4)); });
}

TEST(PredictFirmwareHash, ImageMustFitTheArea) {
  const Bytes challenge = challenge_of(32);
  Bytes exact = test::filler(kAreaT1B1, 9);
  EXPECT_EQ(predict_firmware_hash(exact, "T1B1", challenge), blake2s_keyed(challenge, exact));
  exact.push_back(0);
  expect_error(
      ErrorCode::kInvalidArgument, [&] { (void)predict_firmware_hash(exact, "T1B1", challenge); },
      "image of 983041 bytes does not fit the 983040-byte firmware area");
  // With a TRZR container the limit applies to what is stored.
  Bytes inner = test::firmware_image(kAreaT1B1 - 1024);
  EXPECT_NO_THROW((void)predict_firmware_hash(test::legacy_container(inner), "T1B1", challenge));
  inner.push_back(0);
  expect_error(
      ErrorCode::kInvalidArgument,
      [&] { (void)predict_firmware_hash(test::legacy_container(inner), "T1B1", challenge); }, "983041");
}

TEST(PredictFirmwareHash, EveryStoredByteCounts) {
  // A small area keeps this quick; the bytes hashed are the same as on a device.
  const Bytes challenge = challenge_of(32);
  for (const std::string name : {"t1b1-legacy-v2.bin", "t2b1-core.bin"}) {
    const Bytes image = test::read_fixture(name);
    const bool container = name == "t1b1-legacy-v2.bin";
    const std::size_t area = image.size() + 64;
    const auto base = predict_firmware_hash_for_area(image, area, challenge);
    for (std::size_t i = 0; i < image.size(); ++i) {
      Bytes changed = image;
      changed[i] ^= 0x01;
      const auto hash = predict_firmware_hash_for_area(changed, area, challenge);
      if (container && i >= 4 && i < 256) {
        // The TRZR header after its magic never reaches the device's flash.
        ASSERT_EQ(hash, base) << name << " byte " << i;
      } else {
        // Includes the TRZR magic: without it the image is hashed unstripped.
        ASSERT_NE(hash, base) << name << " byte " << i;
      }
    }
  }
}

TEST(PredictFirmwareHash, OneByteChangeWithTheRealArea) {
  const Bytes challenge = challenge_of(16);
  const Bytes image = test::read_fixture("t2b1-core.bin");
  const auto base = predict_firmware_hash(image, "T2B1", challenge);
  for (const std::size_t i : {std::size_t{0}, std::size_t{700}, image.size() - 1}) {
    Bytes changed = image;
    changed[i] = static_cast<std::uint8_t>(changed[i] + 1);
    EXPECT_NE(predict_firmware_hash(changed, "T2B1", challenge), base) << i;
  }
}

TEST(PredictFirmwareHash, TrailingFfIsIndistinguishableFromErasedFlash) {
  // Documented property, not a bug: 0xFF at the end of an image equals erased flash.
  const Bytes challenge = challenge_of(16);
  Bytes image = test::read_fixture("t2b1-core.bin");
  const auto base = predict_firmware_hash(image, "T2B1", challenge);
  image.push_back(0xFF);
  EXPECT_EQ(predict_firmware_hash(image, "T2B1", challenge), base);
  image.back() = 0x00;
  EXPECT_NE(predict_firmware_hash(image, "T2B1", challenge), base);
}

}  // namespace
}  // namespace cc::firmware
