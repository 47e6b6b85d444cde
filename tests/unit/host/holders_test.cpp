#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>

#include "core/unique_fd.hpp"
#include "fake_tree.hpp"
#include "host/host_checks.hpp"
#include "unprivileged.hpp"

namespace cc::host {
namespace {

using test::FakeTree;

constexpr const char* kNode = "/dev/hidraw3";

// A fake process: comm, exe and the given fd links.
void add_process(const FakeTree& tree, int pid, const std::string& comm, const std::string& exe,
                 const std::vector<std::string>& fds, const std::string& cmdline = {}) {
  const std::string proc = "/proc/" + std::to_string(pid);
  tree.write(proc + "/comm", comm + "\n");
  if (!exe.empty()) tree.symlink(proc + "/exe", exe);
  if (!cmdline.empty()) tree.write(proc + "/cmdline", cmdline);
  tree.mkdir(proc + "/fd");
  int n = 0;
  for (const std::string& target : fds) tree.symlink(proc + "/fd/" + std::to_string(n++), target);
}

std::vector<int> pids(const HolderScan& scan) {
  std::vector<int> out;
  for (const Holder& h : scan.holders) out.push_back(h.pid);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(FindHolders, FindsTrezorBridgeHoldingTheNode) {
  FakeTree tree;
  add_process(tree, 4242, "trezord", "/usr/bin/trezord-go", {"/dev/null", "socket:[123]", kNode});
  add_process(tree, 4300, "bash", "/usr/bin/bash", {"/dev/pts/0", "/dev/hidraw4"});
  tree.write("/proc/self", "not a pid");
  tree.mkdir("/proc/sys");
  const auto scan = find_holders(tree.root(), kNode);
  EXPECT_FALSE(scan.partial);
  ASSERT_EQ(scan.holders.size(), 1u);
  const Holder& h = scan.holders[0];
  EXPECT_EQ(h.pid, 4242);
  EXPECT_EQ(h.comm, "trezord");
  EXPECT_EQ(h.program, "trezord");
  EXPECT_EQ(h.exe, "trezord-go");
  EXPECT_EQ(h.known_as, "trezord (Trezor Bridge)");
}

TEST(FindHolders, ReportsEveryHolderAndUnknownProgramsByComm) {
  FakeTree tree;
  add_process(tree, 10, "ledger-live-des", "", {kNode});  // comm truncated to 15 bytes
  add_process(tree, 11, "mystery-tool", "/opt/x/mystery-tool (deleted)", {kNode});
  add_process(tree, 12, "python3", "/usr/bin/python3.11", {kNode},
              std::string("python3\0/usr/bin/electrum\0--testnet\0", 36));
  const auto scan = find_holders(tree.root(), kNode);
  ASSERT_EQ(pids(scan), (std::vector<int>{10, 11, 12}));
  for (const Holder& h : scan.holders) {
    if (h.pid == 10) {
      EXPECT_EQ(h.known_as, "Ledger Live");
    }
    if (h.pid == 11) {
      EXPECT_EQ(h.program, "mystery-tool");
      EXPECT_EQ(h.exe, "mystery-tool");
      EXPECT_EQ(h.known_as, "");
    }
    if (h.pid == 12) {
      EXPECT_EQ(h.known_as, "Electrum");
    }
  }
}

TEST(FindHolders, SkipsOwnProcessUnlessAsked) {
  FakeTree tree;
  const int self = static_cast<int>(::getpid());
  add_process(tree, self, "coldcheck", "/usr/bin/coldcheck", {kNode});
  add_process(tree, self + 1, "chrome", "/opt/google/chrome/chrome", {kNode});
  EXPECT_EQ(pids(find_holders(tree.root(), kNode)), std::vector<int>{self + 1});
  EXPECT_EQ(pids(find_holders(tree.root(), kNode, {.include_self = true})), (std::vector<int>{self, self + 1}));
}

TEST(FindHolders, ProcessThatExitedIsNotPartial) {
  FakeTree tree;
  tree.write("/proc/77/comm", "gone\n");  // no fd directory any more
  const auto scan = find_holders(tree.root(), kNode);
  EXPECT_FALSE(scan.partial);
  EXPECT_TRUE(scan.holders.empty());
}

TEST(FindHolders, UnreadableFdTableMakesTheScanPartial) {
  FakeTree tree;
  add_process(tree, 500, "other-users-app", "", {kNode});
  add_process(tree, 501, "trezor-suite", "", {kNode});
  tree.chmod("/proc/500/fd", 0000);
  const HostRoot root = tree.root();
  const auto result = test::run_unprivileged([&] {
    const auto scan = find_holders(root, kNode);
    std::string out = scan.partial ? "partial" : "complete";
    out += " unreadable=" + std::to_string(scan.unreadable);
    for (const Holder& h : scan.holders) out += " " + std::to_string(h.pid) + ":" + h.known_as;
    return out;
  });
  ASSERT_TRUE(result.has_value()) << "could not drop privileges";
  EXPECT_EQ(*result, "partial unreadable=1 501:Trezor Suite");
}

TEST(FindHolders, FdTableThatIsNoDirectoryMakesTheScanPartial) {
  FakeTree tree;
  tree.write("/proc/600/fd", "");
  EXPECT_TRUE(find_holders(tree.root(), kNode).partial);
}

TEST(FindHolders, MissingProcIsPartial) {
  FakeTree tree;
  const auto scan = find_holders(tree.root(), kNode);
  EXPECT_TRUE(scan.partial);
  EXPECT_TRUE(scan.holders.empty());
}

class OpenTempFile {
 public:
  explicit OpenTempFile(const FakeTree& tree) : path_((tree.dir() / "held").string()) {
    fd_.reset(::open(path_.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600));
  }
  const std::string& path() const { return path_; }
  bool ok() const { return static_cast<bool>(fd_); }

 private:
  std::string path_;
  UniqueFd fd_;
};

TEST(FindHolders, RealProcFindsThisProcessOnlyWhenIncluded) {
  FakeTree tree;
  const OpenTempFile held(tree);
  ASSERT_TRUE(held.ok());
  const int self = static_cast<int>(::getpid());

  const auto with_self = find_holders(HostRoot{}, held.path(), {.include_self = true});
  ASSERT_EQ(pids(with_self), std::vector<int>{self});
  EXPECT_EQ(with_self.holders[0].uid, static_cast<unsigned>(::getuid()));
  EXPECT_FALSE(with_self.holders[0].comm.empty());
  EXPECT_FALSE(with_self.holders[0].exe.empty());

  EXPECT_TRUE(find_holders(HostRoot{}, held.path()).holders.empty());
}

TEST(FindHolders, RealProcMatchesTheNodeUnderAnotherName) {
  FakeTree tree;
  const OpenTempFile held(tree);
  ASSERT_TRUE(held.ok());
  const std::string alias = (tree.dir() / "trezor0").string();  // like udev's SYMLINK+=
  ASSERT_EQ(::symlink(held.path().c_str(), alias.c_str()), 0);
  const auto scan = find_holders(HostRoot{}, alias, {.include_self = true});
  EXPECT_EQ(pids(scan), std::vector<int>{static_cast<int>(::getpid())});
}

TEST(FindHolders, RealProcNothingHoldsAnUnopenedFile) {
  FakeTree tree;
  tree.write("/unopened", "x");
  const auto scan = find_holders(HostRoot{}, tree.at("/unopened").string(), {.include_self = true});
  EXPECT_TRUE(scan.holders.empty());
}

TEST(KnownProgram, MapsCommonWalletPrograms) {
  EXPECT_EQ(known_program("trezord"), "trezord (Trezor Bridge)");
  EXPECT_EQ(known_program("trezord-go"), "trezord (Trezor Bridge)");
  EXPECT_EQ(known_program("trezor-suite"), "Trezor Suite");
  EXPECT_EQ(known_program("Trezor-Suite-24.5.3-linux-x86_64.AppImage"), "Trezor Suite");
  EXPECT_EQ(known_program("ledger-live-desktop"), "Ledger Live");
  EXPECT_EQ(known_program("ledger-live-des"), "Ledger Live");
  EXPECT_EQ(known_program("Sparrow"), "Sparrow");
  EXPECT_EQ(known_program("electrum"), "Electrum");
  EXPECT_EQ(known_program("chrome"), "Chrome/Chromium browser (WebUSB/WebHID)");
  EXPECT_EQ(known_program("chromium"), "Chrome/Chromium browser (WebUSB/WebHID)");
  EXPECT_EQ(known_program("firefox-esr"), "Firefox (browser, security key / U2F)");
  EXPECT_EQ(known_program("keepkey-desktop"), "KeepKey Desktop");
  EXPECT_EQ(known_program("onekey-wallet"), "OneKey");
  EXPECT_EQ(known_program("wasabi"), "Wasabi Wallet");
}

TEST(KnownProgram, UnknownOrLookalikeNamesAreNotMatched) {
  EXPECT_EQ(known_program(""), "");
  EXPECT_EQ(known_program("bash"), "");
  EXPECT_EQ(known_program("trezordx"), "");  // not a separator after the name
  EXPECT_EQ(known_program("electrumx_server"), "");
  EXPECT_EQ(known_program("chrom"), "");  // truncation only at 15 bytes
}

}  // namespace
}  // namespace cc::host
