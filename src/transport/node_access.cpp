#include "transport/node_access.hpp"

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include "transport/device_path.hpp"

namespace cc::transport {
namespace {

std::string user_name(uid_t uid) {
  std::vector<char> buf(4096);
  passwd pw{};
  passwd* found = nullptr;
  if (getpwuid_r(uid, &pw, buf.data(), buf.size(), &found) == 0 && found != nullptr) {
    return found->pw_name;
  }
  return std::to_string(uid);
}

std::string group_name(gid_t gid) {
  std::vector<char> buf(4096);
  group gr{};
  group* found = nullptr;
  if (getgrgid_r(gid, &gr, buf.data(), buf.size(), &found) == 0 && found != nullptr) {
    return found->gr_name;
  }
  return std::to_string(gid);
}

}  // namespace

std::string describe_node(const std::string& node) {
  struct stat st {};
  if (::stat(node.c_str(), &st) != 0) {
    return node + " (stat failed: " + std::strerror(errno) + ")";
  }
  char mode[8];
  std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
  return node + " mode " + mode + " " + user_name(st.st_uid) + ":" + group_name(st.st_gid);
}

std::optional<Error> explain_node_access(const std::string& node, std::string_view device_path) {
  const std::string where(device_path);
  struct stat st {};
  if (::stat(node.c_str(), &st) != 0) {
    const int err = errno;
    if (err == ENOENT || err == ENOTDIR) {
      return Error(ErrorCode::kNotFound,
                   "no such device: " + where + " (" + node + " does not exist); " + std::string(kDevicePathHint));
    }
    if (err == EACCES) {
      return Error(ErrorCode::kPermissionDenied, "permission denied: " + where + " (cannot look up " + node + ")");
    }
    return std::nullopt;
  }
  if (::access(node.c_str(), R_OK | W_OK) != 0 && (errno == EACCES || errno == EPERM)) {
    return Error(ErrorCode::kPermissionDenied, "permission denied: " + where + " (" + describe_node(node) +
                                                   "); install the coldcheck udev rules or join the owning group");
  }
  return std::nullopt;
}

}  // namespace cc::transport
