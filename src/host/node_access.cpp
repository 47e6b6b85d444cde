#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "host/host_checks.hpp"
#include "host/permission.hpp"
#include "host/posix_acl.hpp"

namespace cc::host {
namespace {

std::string octal(unsigned mode) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04o", mode);
  return buf;
}

bool listed(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string describe(const NodeAccess& a, const Identity& who) {
  std::string out = a.node + " mode " + octal(a.mode) + " " + a.owner + ":" + a.group;
  if (!a.char_device) out += " (not a character device)";
  if (a.running_as_root) {
    return out +
           "; running as root, which can open any device node (the result does not "
           "tell whether a normal user could)";
  }
  if (a.readable_writable_by_us) {
    out += "; read-write for " + who.user + " via " + a.access_via;
    if (a.has_acl_for_us) out += " (an ACL entry, as logind adds for TAG+=\"uaccess\")";
    return out;
  }
  out += "; " + who.user + " may not open it read-write (decided by: " + a.access_via + ")";
  if (a.group == "plugdev" && a.plugdev_needs_relogin) {
    out += "; you were added to plugdev after this session started: log out and in again";
  } else if (a.group == "plugdev" && !a.user_in_plugdev) {
    out += "; join the plugdev group (`sudo usermod -aG plugdev " + who.user +
           "`), then log in again, or rely on the uaccess rule from a local seat";
  } else if (a.group == "root" || a.mode == 0600) {
    out += "; no udev rule has adjusted this node: install the coldcheck udev rules and replug";
  }
  return out;
}

}  // namespace

NodeAccess check_node_access(const HostRoot& root, const std::string& node) {
  return check_node_access(root, node, current_identity());
}

NodeAccess check_node_access(const HostRoot& root, const std::string& node, const Identity& who) {
  NodeAccess a;
  a.node = node;
  for (const GroupRef& g : who.groups) a.user_groups.push_back(g.name);
  a.user_in_plugdev = who.in_group_named("plugdev");
  a.plugdev_needs_relogin = !a.user_in_plugdev && listed(who.database_groups, "plugdev");
  a.running_as_root = who.uid == 0;

  const std::filesystem::path path = root.at(node);
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    const int err = errno;
    a.detail =
        node + (err == ENOENT || err == ENOTDIR ? std::string(" does not exist (device unplugged, or the driver did "
                                                              "not create it)")
                                                : " cannot be inspected: " + std::string(std::strerror(err)));
    return a;
  }
  a.exists = true;
  a.char_device = S_ISCHR(st.st_mode);
  a.mode = static_cast<unsigned>(st.st_mode & 07777);
  a.owner = user_name(st.st_uid);
  a.group = group_name(st.st_gid);

  const std::optional<Acl> acl = read_posix_acl(path);
  const Permission p = evaluate_permission(a.mode, st.st_uid, st.st_gid, acl, who);
  a.access_via = p.via;
  a.has_acl_for_us = p.via_acl;
  a.readable_writable_by_us = p.read_write;
  if (who.is_process) {
    // The kernel's answer also covers LSMs and read-only mounts.
    a.readable_writable_by_us = ::access(path.c_str(), R_OK | W_OK) == 0;
  }
  a.detail = describe(a, who);
  return a;
}

}  // namespace cc::host
