#pragma once
// A temporary directory standing in for "/" (fake /proc, /sys, /dev, /etc), removed
// when the test ends.
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "host/host_root.hpp"

namespace cc::host::test {

class FakeTree {
 public:
  FakeTree();
  ~FakeTree();
  FakeTree(const FakeTree&) = delete;
  FakeTree& operator=(const FakeTree&) = delete;

  HostRoot root() const { return HostRoot(dir_); }
  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path at(std::string_view absolute) const { return root().at(absolute); }

  // Creates parent directories as needed. Paths are host paths ("/etc/udev/...").
  void write(std::string_view absolute, std::string_view text) const;
  void symlink(std::string_view absolute, const std::string& target) const;
  void mkdir(std::string_view absolute) const;
  void chmod(std::string_view absolute, mode_t mode) const;

 private:
  std::filesystem::path dir_;
};

}  // namespace cc::host::test
