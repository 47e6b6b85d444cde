#pragma once
// Linux host checks: why a USB wallet's device node cannot be opened. Missing udev
// rules, node permissions, uaccess, group membership, or another program holding it.
// Pure data out; nothing here prints. Every check takes a HostRoot so tests can point
// it at a fake /proc, /sys, /dev and /etc.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "host/host_root.hpp"
#include "host/identity.hpp"

namespace cc::host {

// ---- udev rules -------------------------------------------------------------------

// One installed rule line that matches the device.
struct UdevRuleHit {
  std::string file;  // host path, e.g. "/etc/udev/rules.d/51-trezor.rules"
  int line = 0;
  bool vendor_only = false;  // matches the whole vendor id (no idProduct condition)
  std::string applies_to;    // "usb", "hidraw" or "any" (from SUBSYSTEM / KERNEL)
  bool uaccess = false;      // TAG+="uaccess"
  std::string group;         // GROUP="..." or empty
  std::string mode;          // MODE="..." or empty
  // The id is written in upper case: udev compares case-sensitively and sysfs uses lower
  // case hex, so udev itself will not match this line.
  bool case_mismatch = false;
  // uaccess is applied by 73-seat-late.rules; a TAG+="uaccess" set in a file that sorts
  // after it comes too late to have any effect.
  bool uaccess_too_late = false;
};

struct UdevRulesCheck {
  bool found = false;               // some installed rule matches vid:pid
  std::vector<std::string> files;   // the files holding those rules, in udev order
  bool uaccess = false;             // some matching rule tags uaccess (in time)
  bool plugdev = false;             // some matching rule sets GROUP="plugdev"
  std::vector<UdevRuleHit> hits;    // evidence, one per matching line
  std::vector<std::string> masked;  // rule files masked by a /dev/null link or empty file
  bool rules_dirs_present = false;  // false: no udev rules directory at all (container?)
  std::string detail;
};

// Looks in /etc/udev/rules.d, /run/udev/rules.d, /usr/local/lib/udev/rules.d,
// /usr/lib/udev/rules.d and /lib/udev/rules.d (a file in an earlier one overrides one
// of the same name in a later one), for lines matching ATTR{idVendor} / ATTRS{idVendor}
// / ENV{ID_VENDOR_ID} and, when present, the idProduct keys; udev glob patterns and
// "a|b" alternatives are honoured, hex is compared case-insensitively.
UdevRulesCheck check_udev_rules(const HostRoot& root, std::uint16_t vid, std::uint16_t pid);

// ---- the device node --------------------------------------------------------------

struct NodeAccess {
  std::string node;
  bool exists = false;
  bool char_device = false;
  unsigned mode = 0;  // permission bits, e.g. 0660
  std::string owner, group;
  bool readable_writable_by_us = false;
  std::string access_via;       // which rule decided: "owner", "ACL user alice", "other" ...
  bool has_acl_for_us = false;  // a named user/group ACL entry (logind uaccess) grants rw
  std::vector<std::string> user_groups;
  bool user_in_plugdev = false;
  // In plugdev per the group database, but not in this session: log out and in again.
  bool plugdev_needs_relogin = false;
  bool running_as_root = false;
  std::string detail;
};

// `node` is a host path ("/dev/hidraw3", "/dev/bus/usb/001/004"), looked up under root.
NodeAccess check_node_access(const HostRoot& root, const std::string& node);
NodeAccess check_node_access(const HostRoot& root, const std::string& node, const Identity& who);

// ---- programs holding the node ----------------------------------------------------

struct Holder {
  int pid = 0;
  std::string program;   // comm, or the exe basename when comm is unreadable
  std::string comm;      // /proc/<pid>/comm (the kernel truncates it to 15 bytes)
  std::string exe;       // basename of /proc/<pid>/exe; empty when not readable
  std::string known_as;  // friendly name from the known-program table, or empty
  unsigned uid = 0;      // owner of the process: another user's session may hold it
};

struct HolderScan {
  std::vector<Holder> holders;
  // Some processes' fd tables could not be read (other users' processes when not root),
  // so a holder may have been missed.
  bool partial = false;
  int unreadable = 0;  // how many processes could not be inspected
};

struct HolderScanOptions {
  bool include_self = false;  // report this process too (tests)
};

// Scans /proc/*/fd for links to `node`. On the real root, links are also compared by
// device and inode, so a node opened through another name is still found.
HolderScan find_holders(const HostRoot& root, const std::string& node, const HolderScanOptions& options = {});

// Friendly name for a program ("trezord" -> "trezord (Trezor Bridge)"), or empty.
// Accepts comm names truncated to 15 bytes and versioned AppImage names.
std::string_view known_program(std::string_view name);

// ---- from device path to node -----------------------------------------------------

// "001-1.4" (webusb) -> "/dev/bus/usb/001/004" through /sys/bus/usb/devices/1-1.4/
// {busnum,devnum}. hid: "/dev/hidraw3" or "hidraw3" -> "/dev/hidraw3"; a hidapi libusb
// path "0001:0004:00" -> "/dev/bus/usb/001/004". nullopt when it cannot be mapped.
std::optional<std::string> device_node_for(const HostRoot& root, std::string_view device_path_target, bool webusb);

struct UsbIds {
  std::uint16_t vendor_id = 0;
  std::uint16_t product_id = 0;
};

// The USB ids behind a node, from sysfs: /sys/class/hidraw/hidrawN/device/uevent (HID_ID)
// or the /sys/bus/usb/devices entry whose busnum/devnum match /dev/bus/usb/BBB/DDD.
std::optional<UsbIds> usb_ids_for_node(const HostRoot& root, const std::string& node);

}  // namespace cc::host
