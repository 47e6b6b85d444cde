#include "host/posix_acl.hpp"

#include <gtest/gtest.h>

#include "host/permission.hpp"

namespace cc::host {
namespace {

constexpr unsigned kRw = kAclRead | kAclWrite;

Identity person(uid_t uid, std::vector<gid_t> gids = {}) {
  Identity who;
  who.uid = uid;
  who.user = "user" + std::to_string(uid);
  for (gid_t gid : gids) who.groups.push_back({gid, "g" + std::to_string(gid)});
  return who;
}

// What logind writes for a uaccess node: user::rw- user:1000:rw- group::rw- mask::rw- other::---
Acl uaccess_acl(unsigned mask = kRw) {
  return {{AclTag::kUserObj, kRw, 0xFFFFFFFF},
          {AclTag::kUser, kRw, 1000},
          {AclTag::kGroupObj, kRw, 0xFFFFFFFF},
          {AclTag::kMask, mask, 0xFFFFFFFF},
          {AclTag::kOther, 0, 0xFFFFFFFF}};
}

TEST(PosixAcl, EncodeParseRoundTrip) {
  const Acl acl = uaccess_acl();
  const std::string blob = encode_posix_acl(acl);
  EXPECT_EQ(blob.size(), 4u + 8u * acl.size());
  EXPECT_EQ(blob.substr(0, 4), std::string("\x02\x00\x00\x00", 4));
  const auto parsed = parse_posix_acl(blob);
  ASSERT_TRUE(parsed.has_value());
  ASSERT_EQ(parsed->size(), acl.size());
  EXPECT_EQ((*parsed)[1].tag, AclTag::kUser);
  EXPECT_EQ((*parsed)[1].id, 1000u);
  EXPECT_EQ((*parsed)[1].perm, kRw);
}

TEST(PosixAcl, RejectsMalformedBlobs) {
  const std::string good = encode_posix_acl(uaccess_acl());
  EXPECT_FALSE(parse_posix_acl("").has_value());
  EXPECT_FALSE(parse_posix_acl(good.substr(0, good.size() - 1)).has_value());
  std::string version = good;
  version[0] = 1;
  EXPECT_FALSE(parse_posix_acl(version).has_value());
  std::string tag = good;
  tag[4] = 0x40;
  EXPECT_FALSE(parse_posix_acl(tag).has_value());
}

TEST(Permission, ModeBitsOwnerGroupOther) {
  EXPECT_TRUE(evaluate_permission(0600, 1000, 0, std::nullopt, person(1000)).read_write);
  EXPECT_EQ(evaluate_permission(0600, 1000, 0, std::nullopt, person(1000)).via, "owner");
  EXPECT_FALSE(evaluate_permission(0600, 0, 46, std::nullopt, person(1000, {46})).read_write);
  EXPECT_TRUE(evaluate_permission(0660, 0, 46, std::nullopt, person(1000, {46})).read_write);
  EXPECT_FALSE(evaluate_permission(0660, 0, 46, std::nullopt, person(1000, {47})).read_write);
  EXPECT_EQ(evaluate_permission(0660, 0, 46, std::nullopt, person(1000, {47})).via, "other");
  EXPECT_TRUE(evaluate_permission(0666, 0, 46, std::nullopt, person(1000)).read_write);
  // Read-only is not enough: wallets are written to.
  EXPECT_FALSE(evaluate_permission(0644, 0, 0, std::nullopt, person(1000)).read_write);
  // Owner bits decide for the owner even when "other" would allow more.
  EXPECT_FALSE(evaluate_permission(0066, 1000, 0, std::nullopt, person(1000)).read_write);
}

TEST(Permission, RootReadsAndWritesAnything) {
  const auto p = evaluate_permission(0000, 5, 5, std::nullopt, person(0));
  EXPECT_TRUE(p.read_write);
  EXPECT_EQ(p.via, "root");
}

TEST(Permission, NamedUserAclGrantsThroughTheMask) {
  const auto p = evaluate_permission(0660, 0, 46, uaccess_acl(), person(1000));
  EXPECT_TRUE(p.read_write);
  EXPECT_TRUE(p.via_acl);
  EXPECT_NE(p.via.find("ACL user"), std::string::npos);
  EXPECT_FALSE(evaluate_permission(0640, 0, 46, uaccess_acl(kAclRead), person(1000)).read_write);
  // Someone else at the machine gets "other" (nothing).
  EXPECT_FALSE(evaluate_permission(0660, 0, 46, uaccess_acl(), person(1001)).read_write);
}

TEST(Permission, NamedGroupAclAndOwningGroup) {
  Acl acl = {{AclTag::kUserObj, kRw, 0},
             {AclTag::kGroupObj, 0, 0},
             {AclTag::kGroup, kRw, 46},
             {AclTag::kMask, kRw, 0},
             {AclTag::kOther, 0, 0}};
  const auto named = evaluate_permission(0660, 0, 0, acl, person(1000, {46}));
  EXPECT_TRUE(named.read_write);
  EXPECT_TRUE(named.via_acl);
  // In the owning group only, whose entry grants nothing: refused, not "other".
  const auto owning = evaluate_permission(0660, 0, 0, acl, person(1000, {0}));
  EXPECT_FALSE(owning.read_write);
  EXPECT_EQ(owning.via, "group " + group_name(0));
}

}  // namespace
}  // namespace cc::host
