// The firmware-hash check finds its release image by parsing every file in
// --firmware-dir: a Trezor One image in the vendor's layout must be found, and its
// predicted hash must be the one hashlib computed for the fixture.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "app/genuineness.hpp"
#include "core/hex.hpp"
#include "firmware/hash.hpp"

namespace cc::app {
namespace {

const std::string kImages = std::string(CC_SOURCE_DIR) + "/firmware_fixtures/images";

TEST(ReleaseImage, FindsRealLayoutTrezorOneImagesAndPredictsTheirHash) {
  const auto signed_image = find_release_image(kImages, "T1B1", "1.14.1");
  ASSERT_TRUE(signed_image.has_value());
  EXPECT_EQ(signed_image->path.filename(), "t1b1-1.14.1-signed.bin");
  const auto bare = find_release_image(kImages, "T1B1", "1.13.0");
  ASSERT_TRUE(bare.has_value());
  EXPECT_EQ(bare->path.filename(), "t1b1-1.13.0-bare.bin");
  EXPECT_FALSE(find_release_image(kImages, "T1B1", "1.14.0").has_value());
  EXPECT_FALSE(find_release_image(kImages, "T2B1", "1.14.1").has_value());

  std::ifstream in(kImages + "/expected_hashes.txt");
  std::string line;
  int checked = 0;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string file, model, challenge, expected;
    if (!(fields >> file >> model >> challenge >> expected) || file != "t1b1-1.14.1-signed.bin") continue;
    EXPECT_EQ(to_hex(firmware::predict_firmware_hash(signed_image->bytes, "T1B1", from_hex(challenge))), expected);
    ++checked;
  }
  EXPECT_EQ(checked, 3);
}

}  // namespace
}  // namespace cc::app
