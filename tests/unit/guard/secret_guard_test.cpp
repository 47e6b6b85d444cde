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
      {"xpub",
       "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet"
       "8",
       SecretKind::kNone},
      {"wif", kWif, SecretKind::kWif},
      {"wif with a typo", "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTa", SecretKind::kWif},
      {"pin statement", "my PIN is 1357", SecretKind::kPinOrPassphrase},
      {"pin talk", "my PIN is 8 digits long", SecretKind::kNone},
      {"passphrase statement", "passphrase: hunter2", SecretKind::kPinOrPassphrase},
      {"passphrase talk", "the passphrase is optional", SecretKind::kNone},
      {"chinese password", "\xe5\xaf\x86\xe7\xa0\x81\xe6\x98\xaf abc12345", SecretKind::kPinOrPassphrase},
      {"age key", "AGE-SECRET-KEY-1QYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQS3290GG", SecretKind::kAgeKey},
      {"keystore", R"({"crypto":{"ciphertext":"ab","kdfparams":{"n":8}}})", SecretKind::kKeystore},
      {"issue 11 prose", "Please help, you can also check this for me?", SecretKind::kNone},
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
  EXPECT_EQ(scan("-----BEGIN PRIVATE KEY----- " + kWif + " " + kXprv).kind, SecretKind::kExtendedPrivateKey);
  EXPECT_EQ(scan("-----BEGIN PRIVATE KEY----- private key " + kHex + " " + kWif).kind, SecretKind::kWif);
}

TEST(SecretGuard, ReportsRunLengthNotWords) {
  EXPECT_EQ(scan(kLegal12).words_in_run, 12u);
  EXPECT_EQ(scan("abandon abandon abandon").words_in_run, 3u);
  EXPECT_EQ(scan(kAbandon12 + " " + kAbandon12).words_in_run, 24u);
}

TEST(SecretGuard, CategoryNames) {
  // Each reads after "looks like it contains": an article and a noun.
  EXPECT_EQ(category_name(SecretKind::kNone), "nothing");
  EXPECT_EQ(category_name(SecretKind::kMnemonic), "a recovery phrase");
  EXPECT_EQ(category_name(SecretKind::kExtendedPrivateKey), "an extended private key (xprv)");
  EXPECT_EQ(category_name(SecretKind::kWif), "a private key (WIF)");
  EXPECT_EQ(category_name(SecretKind::kHexPrivateKey), "a private key (hex)");
  EXPECT_EQ(category_name(SecretKind::kPemPrivateKey), "a private key file (PEM or OpenSSH)");
  EXPECT_EQ(category_name(SecretKind::kElectrumSeed), "an Electrum seed");
  EXPECT_EQ(category_name_zh(SecretKind::kMnemonic), "\xe5\x8a\xa9\xe8\xae\xb0\xe8\xaf\x8d");  // 助记词
  for (int k = 1; k <= static_cast<int>(SecretKind::kPinOrPassphrase); ++k) {
    const std::string_view name = category_name(static_cast<SecretKind>(k));
    EXPECT_TRUE(name.starts_with("a ") || name.starts_with("an ")) << name;
    const bool vowel = std::string_view("aeiouAEIOU").find(name[name.find(' ') + 1]) != std::string_view::npos;
    EXPECT_EQ(name.starts_with("an "), vowel) << name;
    EXPECT_FALSE(category_name_zh(static_cast<SecretKind>(k)).empty());
  }
}

TEST(SecretGuard, AntiScamMessageSaysTheThreeThings) {
  EXPECT_EQ(anti_scam_message(SecretKind::kNone), "");
  const std::string m = anti_scam_message(SecretKind::kMnemonic);
  EXPECT_TRUE(m.starts_with("Refused: this text looks like it contains a recovery phrase.")) << m;
  EXPECT_NE(m.find("recovery phrase"), std::string::npos);
  EXPECT_NE(m.find("no genuine support"), std::string::npos);
  EXPECT_NE(m.find("compromised"), std::string::npos);
  EXPECT_NE(m.find("new device with a new recovery phrase"), std::string::npos);
  EXPECT_EQ(anti_scam_message_zh(SecretKind::kNone), "");
  EXPECT_NE(anti_scam_message_zh(SecretKind::kWif).find("\xe7\xa7\x81\xe9\x92\xa5"), std::string::npos);  // 私钥
}

// Refusals end up in logs and reports, which are scanned again: they must pass.
TEST(SecretGuard, OwnMessagesPassTheGuard) {
  for (int i = 1; i <= static_cast<int>(SecretKind::kPinOrPassphrase); ++i) {
    const auto k = static_cast<SecretKind>(i);
    EXPECT_EQ(scan(anti_scam_message(k)).kind, SecretKind::kNone) << category_name(k);
    EXPECT_EQ(scan(anti_scam_message_zh(k)).kind, SecretKind::kNone) << category_name(k);
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

// The final gate scans each field on its own (see secret_guard.hpp): a clean sentence
// stays clean alone, so the input check and the gate agree. Around it, the words of a
// layout could complete a run; scanned alone, they cannot.
TEST(SecretGuard, FieldsScannedAloneAgreeWithTheInputCheck) {
  const std::vector<std::string> fields = {
      "Please help, you can also check this for me?",
      "they say you can use that card for any coin but I want to be sure",
      "My Trezor says firmware outdated and will not update past 2.8.1.",
      "\xe4\xbd\xa0\xe5\xa5\xbd\xef\xbc\x8c\xe6\x88\x91\xe7\x9a\x84\xe9\x92\xb1\xe5\x8c\x85\xe6\x89\x93\xe4\xb8\x8d\xe5"
      "\xbc\x80\xe4\xba\x86",
  };
  for (const std::string& f : fields) {
    EXPECT_EQ(scan(f).kind, SecretKind::kNone) << f;  // the input check
    EXPECT_NO_THROW(require_clean(f, "--describe"));
  }
  // The same field inside a layout whose own words are list words ("total", "detail",
  // "state", "about"): the layout completes a run the field does not hold. This is why
  // the gate scans fields, not pages.
  const std::string page = "total detail state about: " + fields[0];
  EXPECT_EQ(scan(fields[0]).kind, SecretKind::kNone);
  EXPECT_NE(scan(page).kind, SecretKind::kNone);
}

}  // namespace
}  // namespace cc::guard
