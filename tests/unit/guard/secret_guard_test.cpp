#include "guard/secret_guard.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/error.hpp"

namespace cc::guard {
namespace {

const std::string kAbandon12 =
    "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
const std::string kLegal12 = "legal winner thank year wave sausage worth useful legal winner thank yellow";
const std::string kXprv =
    "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi";
const std::string kWif = "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ";
const std::string kHex = "0c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d";

struct Row {
  const char* name;
  std::string text;
  SecretKind want;
};

TEST(SecretGuard, Table) {
  const std::vector<Row> rows = {
      {"empty", "", SecretKind::kNone},
      {"prose", "my trezor says firmware outdated", SecretKind::kNone},
      {"12 words", kAbandon12, SecretKind::kMnemonic},
      {"all x12", "all all all all all all all all all all all all", SecretKind::kMnemonic},
      {"8 words", "legal winner thank year wave sausage worth useful", SecretKind::kMnemonic},
      {"7 words", "legal winner thank year wave sausage worth", SecretKind::kNone},
      {"7 + 1 split by non-word", "legal winner thank year wave sausage worth and useful", SecretKind::kNone},
      {"8 numbered", "1.legal 2.winner 3.thank 4.year 5.wave 6.sausage 7.worth 8.useful", SecretKind::kMnemonic},
      {"8 hash numbered", "#1 legal #2 winner #3 thank #4 year #5 wave #6 sausage #7 worth #8 useful",
       SecretKind::kMnemonic},
      {"upper", "LEGAL WINNER THANK YEAR WAVE SAUSAGE WORTH USEFUL", SecretKind::kMnemonic},
      {"xprv", kXprv, SecretKind::kExtendedPrivateKey},
      {"xpub", "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8",
       SecretKind::kNone},
      {"wif", kWif, SecretKind::kWif},
      {"wif bad checksum", "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTa", SecretKind::kNone},
      {"hex with private key", "private key: " + kHex, SecretKind::kHexPrivateKey},
      {"hex alone", kHex, SecretKind::kNone},
      {"hex txid", "txid " + kHex, SecretKind::kNone},
      {"hex public key", "public key " + kHex, SecretKind::kNone},
      {"hex 63 digits", "private key: " + kHex.substr(1), SecretKind::kNone},
      {"hex 65 digits", "private key: 0" + kHex, SecretKind::kNone},
      {"hex inside a word", "private key: g" + kHex, SecretKind::kNone},
      {"pem", "-----BEGIN EC PRIVATE KEY-----", SecretKind::kPemPrivateKey},
      {"pem public", "-----BEGIN PUBLIC KEY-----", SecretKind::kNone},
      {"invalid utf-8", std::string("\xff\xfe\xc3(\xe2\x82", 6), SecretKind::kNone},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(category_name(scan(row.text).kind), category_name(row.want)) << row.name;
  }
}

TEST(SecretGuard, MostSeriousKindWins) {
  const std::string all = "-----BEGIN PRIVATE KEY----- " + kWif + " " + kXprv + " " + kLegal12;
  EXPECT_EQ(scan(all).kind, SecretKind::kMnemonic);
  EXPECT_EQ(scan("-----BEGIN PRIVATE KEY----- " + kWif + " " + kXprv).kind,
            SecretKind::kExtendedPrivateKey);
  EXPECT_EQ(scan("-----BEGIN PRIVATE KEY----- private key " + kHex + " " + kWif).kind, SecretKind::kWif);
}

TEST(SecretGuard, ReportsRunLengthNotWords) {
  EXPECT_EQ(scan(kLegal12).words_in_run, 12u);
  EXPECT_EQ(scan("abandon abandon abandon").words_in_run, 3u);
  EXPECT_EQ(scan(kAbandon12 + " " + kAbandon12).words_in_run, 24u);
}

TEST(SecretGuard, CategoryNames) {
  EXPECT_EQ(category_name(SecretKind::kNone), "none");
  EXPECT_EQ(category_name(SecretKind::kMnemonic), "recovery phrase");
  EXPECT_EQ(category_name(SecretKind::kExtendedPrivateKey), "extended private key (xprv)");
  EXPECT_EQ(category_name(SecretKind::kWif), "private key (WIF)");
  EXPECT_EQ(category_name(SecretKind::kHexPrivateKey), "private key (hex)");
  EXPECT_EQ(category_name(SecretKind::kPemPrivateKey), "private key (PEM)");
}

TEST(SecretGuard, AntiScamMessageSaysTheThreeThings) {
  EXPECT_EQ(anti_scam_message(SecretKind::kNone), "");
  const std::string m = anti_scam_message(SecretKind::kMnemonic);
  EXPECT_NE(m.find("refused"), std::string::npos);
  EXPECT_NE(m.find("recovery phrase"), std::string::npos);
  EXPECT_NE(m.find("no genuine support"), std::string::npos);
  EXPECT_NE(m.find("compromised"), std::string::npos);
  EXPECT_NE(m.find("NEW device with a NEW recovery phrase"), std::string::npos);
}

// Refusals end up in logs and reports, which are scanned again: they must pass.
TEST(SecretGuard, OwnMessagesPassTheGuard) {
  for (const SecretKind k : {SecretKind::kMnemonic, SecretKind::kExtendedPrivateKey, SecretKind::kWif,
                             SecretKind::kHexPrivateKey, SecretKind::kPemPrivateKey}) {
    EXPECT_EQ(scan(anti_scam_message(k)).kind, SecretKind::kNone) << category_name(k);
    EXPECT_EQ(scan(category_name(k)).kind, SecretKind::kNone) << category_name(k);
  }
}

TEST(SecretGuard, RequireCleanPassesCleanText) {
  EXPECT_NO_THROW(require_clean("the screen stays black after the update", "--describe"));
}

// The refusal names the input and the category, and never echoes what it matched.
TEST(SecretGuard, RequireCleanNeverQuotesTheSecret) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> secrets = {
      {"my words: " + kLegal12, {"winner", "sausage", "yellow", "useful", "wave"}},
      {"here " + kXprv, {kXprv, kXprv.substr(4, 20), "xprv9s21"}},
      {kWif, {kWif, kWif.substr(10, 10)}},
      {"private key: " + kHex, {kHex, kHex.substr(0, 16)}},
  };
  for (const auto& [text, fragments] : secrets) {
    try {
      require_clean(text, "--describe");
      ADD_FAILURE() << "no throw for a secret";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
      const std::string what = e.what();
      EXPECT_TRUE(what.starts_with("--describe: ")) << what;
      EXPECT_NE(what.find("no genuine support"), std::string::npos);
      for (const std::string& f : fragments) {
        EXPECT_EQ(what.find(f), std::string::npos) << "message quotes the secret";
      }
    }
  }
}

}  // namespace
}  // namespace cc::guard
