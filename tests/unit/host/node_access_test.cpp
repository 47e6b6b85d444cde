#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cerrno>

#include "core/unique_fd.hpp"
#include "fake_tree.hpp"
#include "host/host_checks.hpp"
#include "host/posix_acl.hpp"
#include "unprivileged.hpp"

namespace cc::host {
namespace {

using test::FakeTree;

constexpr const char* kNode = "/dev/hidraw3";
constexpr uid_t kAlice = 1000;
constexpr gid_t kPlugdevGid = 4646;  // a gid of our own: the real plugdev may not exist

Identity alice(std::vector<GroupRef> groups) {
  Identity who;
  who.uid = kAlice;
  who.user = "alice";
  who.groups = std::move(groups);
  return who;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Files owned by someone other than root need chown, which needs root.
#define REQUIRE_ROOT()                                     \
  do {                                                     \
    if (::geteuid() != 0) {                                \
      GTEST_SKIP() << "needs root to chown the fake node"; \
    }                                                      \
  } while (false)

void make_node(const FakeTree& tree, mode_t mode, uid_t owner, gid_t group) {
  tree.write(kNode, "");
  tree.chmod(kNode, mode);
  if (::geteuid() == 0) {
    ASSERT_EQ(::chown(tree.at(kNode).c_str(), owner, group), 0);
  }
}

TEST(NodeAccess, MissingNodeSaysSo) {
  FakeTree tree;
  const auto a = check_node_access(tree.root(), kNode, alice({}));
  EXPECT_FALSE(a.exists);
  EXPECT_FALSE(a.readable_writable_by_us);
  EXPECT_EQ(a.node, kNode);
  EXPECT_TRUE(contains(a.detail, "does not exist"));
}

TEST(NodeAccess, ReportsModeOwnerAndGroup) {
  REQUIRE_ROOT();
  FakeTree tree;
  make_node(tree, 0640, kAlice, kPlugdevGid);
  const auto a = check_node_access(tree.root(), kNode, alice({}));
  EXPECT_TRUE(a.exists);
  EXPECT_FALSE(a.char_device);  // a plain file stands in for the device here
  EXPECT_EQ(a.mode, 0640u);
  EXPECT_EQ(a.owner, user_name(kAlice));
  EXPECT_EQ(a.group, group_name(kPlugdevGid));
  EXPECT_TRUE(contains(a.detail, "mode 0640"));
}

TEST(NodeAccess, RootOwnedPrivateNodeIsRefused) {
  FakeTree tree;
  make_node(tree, 0600, 0, 0);
  const auto a = check_node_access(tree.root(), kNode, alice({{100, "users"}}));
  EXPECT_TRUE(a.exists);
  EXPECT_FALSE(a.readable_writable_by_us);
  EXPECT_EQ(a.access_via, "other");
  EXPECT_FALSE(a.running_as_root);
  EXPECT_TRUE(contains(a.detail, "may not open it"));
  EXPECT_TRUE(contains(a.detail, "udev rules"));
}

TEST(NodeAccess, GroupMembershipGrantsAccess) {
  REQUIRE_ROOT();
  FakeTree tree;
  make_node(tree, 0660, 0, kPlugdevGid);
  const auto member = check_node_access(tree.root(), kNode, alice({{kPlugdevGid, "plugdev"}}));
  EXPECT_TRUE(member.readable_writable_by_us);
  EXPECT_TRUE(member.user_in_plugdev);
  EXPECT_EQ(member.user_groups, std::vector<std::string>{"plugdev"});
  EXPECT_FALSE(member.has_acl_for_us);

  const auto outsider = check_node_access(tree.root(), kNode, alice({{100, "users"}}));
  EXPECT_FALSE(outsider.readable_writable_by_us);
  EXPECT_FALSE(outsider.user_in_plugdev);
}

TEST(NodeAccess, OwnerBitsApplyToTheOwner) {
  REQUIRE_ROOT();
  FakeTree tree;
  make_node(tree, 0600, kAlice, 0);
  const auto a = check_node_access(tree.root(), kNode, alice({}));
  EXPECT_TRUE(a.readable_writable_by_us);
  EXPECT_EQ(a.access_via, "owner");
}

TEST(NodeAccess, WorldWritableNodeIsOpenToAll) {
  FakeTree tree;
  make_node(tree, 0666, 0, 0);
  EXPECT_TRUE(check_node_access(tree.root(), kNode, alice({})).readable_writable_by_us);
}

TEST(NodeAccess, AddedToPlugdevButNotLoggedInAgain) {
  REQUIRE_ROOT();
  FakeTree tree;
  make_node(tree, 0660, 0, kPlugdevGid);
  Identity who = alice({{100, "users"}});
  who.database_groups = {"users", "plugdev"};
  const auto a = check_node_access(tree.root(), kNode, who);
  // The node's group name is whatever gid 4646 is called here; force the plugdev advice
  // path only when the name matches. The relogin flag itself does not depend on it.
  EXPECT_TRUE(a.plugdev_needs_relogin);
  EXPECT_FALSE(a.user_in_plugdev);
  if (a.group == "plugdev") {
    EXPECT_TRUE(contains(a.detail, "log out and in again"));
  }

  // Already in plugdev in this session: nothing to log in again for.
  Identity member = alice({{kPlugdevGid, "plugdev"}});
  member.database_groups = {"plugdev"};
  const auto m = check_node_access(tree.root(), kNode, member);
  EXPECT_TRUE(m.user_in_plugdev);
  EXPECT_FALSE(m.plugdev_needs_relogin);
}

TEST(NodeAccess, RootCanOpenAnythingAndSaysSo) {
  FakeTree tree;
  make_node(tree, 0000, 0, 0);
  Identity root;
  root.uid = 0;
  root.user = "root";
  const auto a = check_node_access(tree.root(), kNode, root);
  EXPECT_TRUE(a.running_as_root);
  EXPECT_TRUE(a.readable_writable_by_us);
  EXPECT_TRUE(contains(a.detail, "running as root"));
}

TEST(NodeAccess, UaccessAclGrantsTheSeatUser) {
  FakeTree tree;
  make_node(tree, 0660, 0, 0);
  const Acl acl = {{AclTag::kUserObj, 6, 0},
                   {AclTag::kUser, 6, kAlice},
                   {AclTag::kGroupObj, 6, 0},
                   {AclTag::kMask, 6, 0},
                   {AclTag::kOther, 0, 0}};
  const std::string blob = encode_posix_acl(acl);
  if (::setxattr(tree.at(kNode).c_str(), "system.posix_acl_access", blob.data(), blob.size(), 0) != 0) {
    GTEST_SKIP() << "file system refuses POSIX ACLs here: " << errno;
  }
  const auto a = check_node_access(tree.root(), kNode, alice({{100, "users"}}));
  EXPECT_TRUE(a.readable_writable_by_us);
  EXPECT_TRUE(a.has_acl_for_us);
  EXPECT_TRUE(contains(a.detail, "uaccess"));

  Identity bob = alice({{100, "users"}});
  bob.uid = kAlice + 1;
  const auto b = check_node_access(tree.root(), kNode, bob);
  EXPECT_FALSE(b.readable_writable_by_us);
  EXPECT_FALSE(b.has_acl_for_us);
}

TEST(NodeAccess, RealProcessIdentity) {
  const Identity me = current_identity();
  EXPECT_TRUE(me.is_process);
  EXPECT_EQ(me.uid, ::getuid());
  EXPECT_TRUE(me.in_group(::getegid()));
  FakeTree tree;
  make_node(tree, 0600, 0, 0);
  const auto a = check_node_access(tree.root(), kNode);
  EXPECT_EQ(a.running_as_root, ::getuid() == 0);
  EXPECT_EQ(a.readable_writable_by_us, ::access(tree.at(kNode).c_str(), R_OK | W_OK) == 0);
}

// For the running process the kernel decides (access(2)), not the mode bits: an immutable
// file cannot be written even by root, whatever its mode says.
TEST(NodeAccess, RealProcessAskTheKernel) {
  FakeTree tree;
  make_node(tree, 0666, 0, 0);
  UniqueFd fd(::open(tree.at(kNode).c_str(), O_RDONLY | O_CLOEXEC));
  ASSERT_TRUE(fd);
  int flags = 0;
  if (::ioctl(fd.get(), FS_IOC_GETFLAGS, &flags) != 0) GTEST_SKIP() << "no inode flags here";
  const int immutable = flags | FS_IMMUTABLE_FL;
  if (::ioctl(fd.get(), FS_IOC_SETFLAGS, &immutable) != 0) {
    GTEST_SKIP() << "cannot set the immutable flag (needs CAP_LINUX_IMMUTABLE)";
  }
  const auto a = check_node_access(tree.root(), kNode);
  EXPECT_FALSE(a.readable_writable_by_us);
  EXPECT_EQ(a.access_via, ::getuid() == 0 ? "root" : "other");  // what the bits alone say
  ::ioctl(fd.get(), FS_IOC_SETFLAGS, &flags);
}

TEST(NodeAccess, RealCharacterDevice) {
  const auto a = check_node_access(HostRoot{}, "/dev/null");
  EXPECT_TRUE(a.exists);
  EXPECT_TRUE(a.char_device);
  EXPECT_EQ(a.mode, 0666u);
  EXPECT_TRUE(a.readable_writable_by_us);
}

// The kernel's own answer, as an ordinary user (forked and dropped to nobody under root).
TEST(NodeAccess, UnprivilegedProcessIsRefusedAPrivateNode) {
  FakeTree tree;
  tree.write("/dev/hidraw1", "");
  // Root-owned 0600 as a udev-less system leaves it; unprivileged runs own the file, so
  // only 0000 shuts them out.
  tree.chmod("/dev/hidraw1", ::geteuid() == 0 ? 0600 : 0000);
  tree.write("/dev/hidraw2", "");
  tree.chmod("/dev/hidraw2", 0666);
  const HostRoot root = tree.root();
  const auto result = test::run_unprivileged([&] {
    const auto closed = check_node_access(root, "/dev/hidraw1");
    const auto open = check_node_access(root, "/dev/hidraw2");
    return std::string(closed.readable_writable_by_us ? "1" : "0") + (open.readable_writable_by_us ? "1" : "0") +
           (closed.running_as_root ? "1" : "0");
  });
  ASSERT_TRUE(result.has_value()) << "could not drop privileges";
  EXPECT_EQ(*result, "010");
}

}  // namespace
}  // namespace cc::host
