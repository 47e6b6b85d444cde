#include <gtest/gtest.h>

#include <string>

#include "guard/detect.hpp"
#include "guard/normalize.hpp"

namespace cc::guard {
namespace {

const std::string kXprv =
    "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi";
const std::string kHex = "0c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d";

TEST(DetectKeys, ExtendedPrivateKeyByChecksumOrShape) {
  EXPECT_TRUE(has_extended_private_key(kXprv));
  EXPECT_TRUE(has_extended_private_key("(" + kXprv + ")"));
  EXPECT_TRUE(has_extended_private_key("key" + kXprv));         // glued to a word
  EXPECT_FALSE(has_extended_private_key(kXprv.substr(0, 60)));  // too short to be one
  // Checksum broken but the prefix and length are there: still a key with a typo.
  std::string typo = kXprv;
  typo[40] = typo[40] == 'a' ? 'b' : 'a';
  EXPECT_TRUE(has_extended_private_key(typo));
  // A long token that merely contains "prv" after another letter is not one.
  EXPECT_FALSE(has_extended_private_key("aprv" + std::string(120, 'z')));
}

TEST(DetectKeys, WifNeedsShapeAndVersion) {
  EXPECT_TRUE(has_wif("5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ"));
  EXPECT_TRUE(has_wif("KwdMAjGmerYanjeui5SHS7JkmpZvVipYvB2LJGU1ZxJwYvP98617"));
  // One character mistyped: the checksum fails, but it is still the key.
  EXPECT_TRUE(has_wif("KwdMAjGmerYanjeui5SHS7JkmpZvVipYvB2LJGU1ZxJwYvP98618"));
  EXPECT_FALSE(has_wif("KwdMAjGmerYanjeui5SHS7JkmpZvVipYvB2LJGU1ZxJwYvP9861"));  // too short
  EXPECT_FALSE(has_wif("x5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ"));
  EXPECT_FALSE(has_wif("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"));  // an address
}

TEST(DetectKeys, HexNeedsASecretWordNearest) {
  EXPECT_TRUE(has_hex_private_key("private key: " + kHex));
  EXPECT_TRUE(has_hex_private_key("Private Key " + kHex));
  EXPECT_TRUE(has_hex_private_key("secret=0x" + kHex));
  EXPECT_TRUE(has_hex_private_key(kHex + " is my seed"));
  EXPECT_FALSE(has_hex_private_key(kHex));
  EXPECT_FALSE(has_hex_private_key("txid " + kHex));
  EXPECT_FALSE(has_hex_private_key("firmware hash " + kHex));
  EXPECT_FALSE(has_hex_private_key("public key: " + kHex));
  EXPECT_FALSE(has_hex_private_key("pubkey " + kHex));
  // The word is more than 40 characters away.
  EXPECT_FALSE(has_hex_private_key("private key" + std::string(41, ' ') + kHex));
  EXPECT_TRUE(has_hex_private_key("private key" + std::string(39, ' ') + kHex));
  // Nearest wins: "private" is further away than "transaction".
  EXPECT_FALSE(has_hex_private_key("private transaction " + kHex));
  EXPECT_FALSE(has_hex_private_key("private key: " + kHex.substr(0, 63) + "g"));
}

// A KeepKey report read as text: the maker's name ends in "key" and sits right beside
// the firmware hash (message_table "keepkey", then firmware_hash). Brands are no marker;
// every real marker near them still is.
TEST(DetectKeys, ABrandEndingInKeyIsNoMarker) {
  EXPECT_FALSE(has_hex_private_key("\x01keepkey \x01@" + kHex));
  EXPECT_FALSE(has_hex_private_key("KeepKey " + kHex));
  EXPECT_FALSE(has_hex_private_key("my OneKey shows " + kHex));
  EXPECT_FALSE(has_hex_private_key(kHex + " from my keepkey"));
  EXPECT_TRUE(has_hex_private_key("keepkey private key " + kHex));
  EXPECT_TRUE(has_hex_private_key("my keepkey key: " + kHex));
  EXPECT_TRUE(has_hex_private_key("onekey secret " + kHex));
  EXPECT_TRUE(has_hex_private_key("key " + kHex));
  EXPECT_TRUE(has_hex_private_key("privkey=" + kHex));
  EXPECT_TRUE(has_hex_private_key("masterkey " + kHex));
}

TEST(DetectKeys, PemPrivateKeyHeaders) {
  EXPECT_TRUE(has_pem_private_key("-----BEGIN PRIVATE KEY-----"));
  EXPECT_TRUE(has_pem_private_key("x\n-----BEGIN RSA PRIVATE KEY-----\nMII"));
  EXPECT_TRUE(has_pem_private_key("-----begin openssh private key-----"));
  EXPECT_TRUE(has_pem_private_key("-----BEGIN PGP PRIVATE KEY BLOCK-----"));
  EXPECT_FALSE(has_pem_private_key("-----BEGIN CERTIFICATE-----"));
  EXPECT_FALSE(has_pem_private_key("-----BEGIN PUBLIC KEY-----"));
  EXPECT_TRUE(has_pem_private_key("-----END PRIVATE KEY-----"));  // the body is above it
  EXPECT_FALSE(has_pem_private_key("-----"));
  // Damaged or missing dashes.
  EXPECT_TRUE(has_pem_private_key("---BEGIN EC PRIVATE KEY---"));
  EXPECT_TRUE(has_pem_private_key("BEGIN OPENSSH PRIVATE KEY"));
  // Prose that says begin ... private key is no armour.
  EXPECT_FALSE(has_pem_private_key("Before you begin, never share your private key"));
  EXPECT_FALSE(has_pem_private_key("begin by moving the private key"));
}

}  // namespace
}  // namespace cc::guard
