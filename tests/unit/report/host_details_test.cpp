#include "report/host_details.hpp"

#include <gtest/gtest.h>

namespace cc::report {
namespace {

HostIdentity alice() {
  HostIdentity id;
  id.homes = {"/home/alice"};
  id.users = {"alice"};
  id.hosts = {"alice-laptop.example.org", "alice-laptop"};
  return id;
}

TEST(ScrubHostDetails, ReplacesHomeUserAndHost) {
  EXPECT_EQ(scrub_host_details("/home/alice/.config/coldcheck/install.key", alice()),
            "~/.config/coldcheck/install.key");
  EXPECT_EQ(scrub_host_details("rules owned by alice on alice-laptop", alice()), "rules owned by <user> on <host>");
  EXPECT_EQ(scrub_host_details("alice@alice-laptop.example.org:~$", alice()), "<user>@<host>:~$");
  EXPECT_EQ(scrub_host_details("/home/alice", alice()), "~");
}

TEST(ScrubHostDetails, MatchesWholeWordsOnly) {
  EXPECT_EQ(scrub_host_details("malice and alicex stay", alice()), "malice and alicex stay");
  EXPECT_EQ(scrub_host_details("/home/alice2/x", alice()), "/home/<user>/x");
  EXPECT_EQ(scrub_host_details("/home/alice.bak", alice()), "/home/<user>");
}

TEST(ScrubHostDetails, HidesOtherUsersHomes) {
  EXPECT_EQ(scrub_host_details("ACL for /home/bob/run", alice()), "ACL for /home/<user>/run");
}

TEST(ScrubHostDetails, LeavesOneLetterAndNumericNamesAlone) {
  HostIdentity id;
  id.users = {"a"};
  id.hosts = {"12"};
  EXPECT_EQ(scrub_host_details("a firmware 1.12.1", id), "a firmware 1.12.1");
}

TEST(ScrubHostDetails, CurrentIdentityIsScrubbed) {
  const HostIdentity id = HostIdentity::current();
  ASSERT_FALSE(id.hosts.empty());
  for (const auto& host : id.hosts) {
    if (host.size() >= 2) {
      EXPECT_EQ(scrub_host_details("on " + host + " now"), "on <host> now");
    }
  }
  for (const auto& home : id.homes) {
    if (home.size() > 1) {
      EXPECT_EQ(scrub_host_details(home + "/.config"), "~/.config");
    }
  }
}

}  // namespace
}  // namespace cc::report

namespace cc::report {
namespace {

TEST(HostDetails, SystemAccountsAreNotScrubbed) {
  EXPECT_FALSE(is_personal_account("root"));
  EXPECT_FALSE(is_personal_account("daemon"));
  EXPECT_TRUE(is_personal_account("no-such-user-coldcheck-test"));
  // Whatever account runs the tests, "root" as a word survives.
  EXPECT_EQ(scrub_host_details("signed under a TEST root"), "signed under a TEST root");
}

}  // namespace
}  // namespace cc::report
