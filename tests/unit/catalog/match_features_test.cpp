// What a Trezor-v1 device says in Features -> which catalog model it is.
#include <gtest/gtest.h>

#include "catalog/catalog.hpp"

namespace cc::catalog {
namespace {

struct FeaturesCase {
  const char* vendor;
  const char* model;
  const char* internal_model;
  const char* expected;  // nullptr: no match
};

TEST(MatchFeatures, Table) {
  const std::vector<FeaturesCase> cases = {
      {"trezor.io", "1", "", "trezor-one"},
      {"bitcointrezor.com", "1", "", "trezor-one"},
      {"trezor.io", "1", "T1B1", "trezor-one"},
      {"trezor.io", "T", "", "trezor-model-t"},
      {"trezor.io", "T", "T2T1", "trezor-model-t"},
      {"trezor.io", "Safe 3", "", "trezor-safe-3"},
      {"trezor.io", "Safe 3", "T2B1", "trezor-safe-3"},
      {"trezor.io", "Safe 3", "T3B1", "trezor-safe-3"},
      {"trezor.io", "Safe 5", "T3T1", "trezor-safe-5"},
      {"trezor.io", "", "T3T1", "trezor-safe-5"},
      {"keepkey.com", "K1-14AM", "", "keepkey"},
      {"keepkey.com", "", "", "keepkey"},
      {"onekey.so", "1", "", "onekey-classic"},
      {"onekey.so", "T", "", "onekey-pro"},
      // internal_model wins over a model string that says otherwise.
      {"trezor.io", "T", "T2B1", "trezor-safe-3"},
      {"trezor.io", "1", "T3T1", "trezor-safe-5"},
      // Unknown internal model falls back to the model string, like trezorlib.
      {"trezor.io", "Safe 5", "Z9Z9", "trezor-safe-5"},
      // Unknown.
      {"trezor.io", "Safe 9", "", nullptr},
      {"trezor.io", "", "T9X9", nullptr},
      {"trezor.io", "", "", nullptr},
      {"example.com", "1", "T1B1", nullptr},
      {"keepkey.com ", "", "", nullptr},
      {"TREZOR.IO", "1", "", nullptr},
  };
  const Catalog& c = Catalog::builtin();
  for (const FeaturesCase& tc : cases) {
    SCOPED_TRACE(::testing::Message() << tc.vendor << " / " << tc.model << " / " << tc.internal_model);
    const Model* m = c.match_features(tc.vendor, tc.model, tc.internal_model);
    if (tc.expected == nullptr) {
      EXPECT_EQ(m, nullptr) << (m ? m->id() : "");
    } else {
      ASSERT_NE(m, nullptr);
      EXPECT_EQ(m->id(), tc.expected);
    }
  }
}

TEST(MatchFeatures, VendorDecidesBetweenSameModelStrings) {
  // Trezor One and OneKey Classic both say model "1".
  const Catalog& c = Catalog::builtin();
  EXPECT_EQ(c.match_features("trezor.io", "1", "")->id(), "trezor-one");
  EXPECT_EQ(c.match_features("onekey.so", "1", "")->id(), "onekey-classic");
}

TEST(MatchFeatures, NonTrezorModelsAreNeverMatched) {
  for (const char* name : {"Ledger Nano X", "BitBox02", "Coldcard"}) {
    EXPECT_EQ(Catalog::builtin().match_features("", name, ""), nullptr) << name;
  }
}

}  // namespace
}  // namespace cc::catalog
