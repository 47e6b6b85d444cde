#include <gtest/gtest.h>

#include "core/embedded_file.hpp"
#include "attest/p256.hpp"
#include "attest/trust_store.hpp"
#include "core/error.hpp"
#include "core/hex.hpp"
#include "fixtures.hpp"

namespace cc::attest {
namespace detail {
std::span<const EmbeddedFile> embedded_trust_files() noexcept;
}
namespace {

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

const TrustedRoot* find_root(const std::string& hex) {
  for (const TrustedRoot& r : builtin_trust_store().roots()) {
    if (to_hex(r.public_key) == hex) return &r;
  }
  return nullptr;
}

TEST(TrustStore, EmbeddedDataParses) {
  ASSERT_FALSE(detail::embedded_trust_files().empty());
  EXPECT_NO_THROW(builtin_trust_store());
  EXPECT_GE(builtin_trust_store().roots().size(), 5u);
}

// The production roots as published by trezor-firmware (hsm_keys.h, authentication.py).
TEST(TrustStore, ProductionRootsAreValidP256PointsForTheirModels) {
  const struct {
    const char* model;
    const char* hex;
  } kProd[] = {
      {"T2B1",
       "04ca97480ac0d7b1e6efafe518cd433cec2bf8ab9822d76eafd34363b55d63e60380bff20acc75cde03cffcb50ab6f8ce70c878e37ebc58"
       "ff7cca0a83b16b15fa5"},
      {"T3B1",
       "045b5c3fdd01f3602092834209b86df0ca86a9faf25cac35c73bf6237d66eb21eafcec3706f1ccd5eb4cc7f2fa1751213eccb1c78389afb"
       "a89a5788ff31ee46a5d"},
      {"T3T1",
       "041854b27fb1d9f65abb66828e78c9dc0ca301e66081ab0c6a4d104f9df1cd0ad5a7c75f77a8c092f55cf825d2abaf734f934c9394d5e75"
       "f75a5a06a5ee9be93ae"},
      {"T3W1",
       "040dde0d3e0d4da593fac6fd02a461d0e7eef238aca55c7c50b4e9ec37f3873303b6429ef1c9b78b4411a7dcbbc5dde5225979c1c2da3b0"
       "73e82b1ed3f5f9825bb"},
      {"T3W1",
       "04c6a673af4ec44b10441b1d78676e15173ad0e36df9f7f2fa1cd819955f20fe32917b60da5fed3b3aa54a9ab8b3ed27d198b3768cad26e"
       "ef5935cd87af0af065e"},
  };
  for (const auto& p : kProd) {
    const TrustedRoot* r = find_root(p.hex);
    ASSERT_NE(r, nullptr) << p.hex;
    EXPECT_FALSE(r->test) << p.hex;
    EXPECT_EQ(r->internal_models, std::vector<std::string>{p.model});
    EXPECT_TRUE(p256_public_key(from_hex(p.hex))) << p.hex;
    EXPECT_EQ(to_hex(uncompressed_point(p256_public_key(from_hex(p.hex)).get())), p.hex);
  }
}

TEST(TrustStore, EveryRootIsAValidPointAndNonProductionNamesAreTest) {
  for (const TrustedRoot& r : builtin_trust_store().roots()) {
    EXPECT_TRUE(p256_public_key(r.public_key)) << r.name;
    EXPECT_FALSE(r.source.empty()) << r.name;
    if (r.name != "Trezor Company") {
      EXPECT_TRUE(r.test) << r.name;
    }
  }
}

TEST(TrustStore, CommittedTestRootMatchesFixture) {
  const std::string hex = trim(testing::read_fixture("test_root.pub.hex"));
  const TrustedRoot* r = find_root(hex);
  ASSERT_NE(r, nullptr) << "data/trust test root differs from firmware_fixtures; rerun the script";
  EXPECT_TRUE(r->test);
}

TEST(TrustStore, TestBlacklistEntryMatchesFixture) {
  const auto key = from_hex(trim(testing::read_fixture("ca_blacklisted.pub.hex")));
  const BlacklistedCa* b = builtin_trust_store().find_blacklisted(key);
  ASSERT_NE(b, nullptr);
  EXPECT_TRUE(b->test);
  EXPECT_EQ(builtin_trust_store().find_blacklisted(from_hex(trim(testing::read_fixture("test_root.pub.hex")))),
            nullptr);
}

TEST(TrustStore, RootsForModel) {
  EXPECT_TRUE(builtin_trust_store().roots_for("T2T1").empty());
  EXPECT_FALSE(builtin_trust_store().roots_for("T2B1").empty());
}

TEST(TrustStore, RejectsBadData) {
  const char* bad[] = {
      "roots { name: \"x\" internal_models: \"T2B1\" curve: P256 public_key_hex: \"04ab\" use: PRODUCTION }",
      "roots { name: \"x\" internal_models: \"T2B1\" curve: P256 public_key_hex: \"zz\" use: PRODUCTION }",
      "roots { name: \"x\" curve: P256 public_key_hex: "
      "\"04ca97480ac0d7b1e6efafe518cd433cec2bf8ab9822d76eafd34363b55d63e60380bff20acc75cde03cffcb50ab6f8ce70c878e37ebc5"
      "8ff7cca0a83b16b15fa5\" use: PRODUCTION }",
      "roots { name: \"x\" internal_models: \"T2B1\" curve: P256 public_key_hex: "
      "\"04ca97480ac0d7b1e6efafe518cd433cec2bf8ab9822d76eafd34363b55d63e60380bff20acc75cde03cffcb50ab6f8ce70c878e37ebc5"
      "8ff7cca0a83b16b15fa5\" }",
      "roots { nme: \"x\" }",
      "blacklisted_cas { public_key_hex: \"00\" use: TEST }",
  };
  for (const char* text : bad) {
    EXPECT_THROW(TrustStore::from_text(text, "test"), cc::Error) << text;
  }
}

TEST(TrustStore, CompressedBlacklistKeyMatchesUncompressedCertificateKey) {
  // The T2B1 production root, compressed: 02/03 || X, parity of Y's last byte (0xa5: odd).
  const std::string x = "ca97480ac0d7b1e6efafe518cd433cec2bf8ab9822d76eafd34363b55d63e603";
  const auto store = TrustStore::from_text("blacklisted_cas { public_key_hex: \"03" + x + "\" use: TEST }", "test");
  EXPECT_NE(store.find_blacklisted(from_hex("04ca97480ac0d7b1e6efafe518cd433cec2bf8ab9822d76eafd34363b55d63e60380bff20a"
                                            "cc75cde03cffcb50ab6f8ce70c878e37ebc58ff7cca0a83b16b15fa5")),
            nullptr);
}

}  // namespace
}  // namespace cc::attest
