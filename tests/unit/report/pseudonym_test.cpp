#include "report/pseudonym.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "core/error.hpp"

namespace cc::report {
namespace {

const std::vector<std::uint8_t> kKeyA(32, 0xA5);
const std::vector<std::uint8_t> kKeyB(32, 0x5A);

TEST(Pseudonym, IsKindDashTwelveHex) {
  const Pseudonymizer p(kKeyA);
  const std::string s = p("dev", "ABCDEF0123456789");
  EXPECT_TRUE(std::regex_match(s, std::regex("dev-[0-9a-f]{12}"))) << s;
}

TEST(Pseudonym, IsStableForTheSameKeyAndValue) {
  EXPECT_EQ(Pseudonymizer(kKeyA)("dev", "serial-1"), Pseudonymizer(kKeyA)("dev", "serial-1"));
}

TEST(Pseudonym, DiffersBetweenKeysValuesAndKinds) {
  const Pseudonymizer a(kKeyA), b(kKeyB);
  EXPECT_NE(a("dev", "serial-1"), b("dev", "serial-1"));
  EXPECT_NE(a("dev", "serial-1"), a("dev", "serial-2"));
  // Same value under another kind: the hex part differs too, not just the prefix.
  EXPECT_NE(a("dev", "x").substr(4), a("session", "x").substr(8));
  // The separator keeps ("ab", "c") and ("a", "bc") apart.
  EXPECT_NE(a("ab", "c").substr(3), a("a", "bc").substr(2));
}

TEST(Pseudonym, MatchesHmacSha256KnownAnswer) {
  // HMAC-SHA256(key = "key", "kind\0value"), computed with Python's hmac module.
  const std::string key = "key";
  const Pseudonymizer p(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(key.data()), key.size()));
  EXPECT_EQ(p("kind", "value"), "kind-31b60890ce0e");
}

TEST(Pseudonym, RefusesAnEmptyKey) { EXPECT_THROW(Pseudonymizer(std::span<const std::uint8_t>()), Error); }

}  // namespace
}  // namespace cc::report
