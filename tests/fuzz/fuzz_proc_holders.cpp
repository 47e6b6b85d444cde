// Arbitrary contents of the /proc and /sys files the host checks read (a process's
// comm, exe and fd links; hidraw uevent; busnum/devnum), in a fake root: every scan
// must end with a result, never crash or follow a link out of the root.
// Input: NUL-separated fields: comm, fd link target, exe target, uevent, busnum,
// devnum, device path target; a final byte picks webusb or hid.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>

#include "fuzz_input.hpp"
#include "fuzz_scratch.hpp"
#include "host/host_checks.hpp"

namespace {

namespace fs = std::filesystem;

void put(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

void link_to(const fs::path& link, const std::string& target) {
  fs::create_directories(link.parent_path());
  std::error_code ec;
  fs::remove(link, ec);
  if (!target.empty()) fs::create_symlink(target, link, ec);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const cc::fuzz::ScratchDir scratch("proc");
  const fs::path root = scratch.path() / "root";
  cc::fuzz::Input in(data, size);
  std::error_code ec;
  fs::remove_all(root, ec);
  put(root / "proc/4242/comm", in.text());
  link_to(root / "proc/4242/fd/3", in.text());
  link_to(root / "proc/4242/exe", in.text());
  put(root / "sys/class/hidraw/hidraw0/device/uevent", in.text());
  put(root / "sys/bus/usb/devices/1-1/busnum", in.text());
  put(root / "sys/bus/usb/devices/1-1/devnum", in.text());
  const std::string target = in.text();
  const bool webusb = (in.byte() & 1) != 0;
  const cc::host::HostRoot host(root);
  cc::host::HolderScanOptions options;
  options.include_self = true;
  const auto scan = cc::host::find_holders(host, "/dev/hidraw0", options);
  for (const auto& h : scan.holders) (void)cc::host::known_program(h.program);
  (void)cc::host::usb_ids_for_node(host, "/dev/hidraw0");
  (void)cc::host::usb_ids_for_node(host, "/dev/bus/usb/001/002");
  (void)cc::host::device_node_for(host, target, webusb);
  (void)cc::host::device_node_for(host, "1-1", true);
  return 0;
}
