#pragma once
// The root of the file system the host checks look at: "/" on a real machine, a temp
// directory holding a fake /proc, /sys, /dev and /etc in tests.
#include <filesystem>
#include <string_view>

namespace cc::host {

class HostRoot {
 public:
  HostRoot() : dir_("/") {}
  explicit HostRoot(std::filesystem::path dir) : dir_(std::move(dir)) {}

  const std::filesystem::path& dir() const noexcept { return dir_; }
  // Where the absolute host path `absolute` ("/proc/1/fd") lives under this root.
  std::filesystem::path at(std::string_view absolute) const;
  // True when this is the machine's own "/": kernel objects (fd links, device numbers)
  // can then be compared by identity, not only by name.
  bool is_real() const;

 private:
  std::filesystem::path dir_;
};

}  // namespace cc::host
