#pragma once
// Who "we" are when deciding whether a device node can be opened: a uid and the groups
// of this process. Tests build one by hand instead of changing the real credentials.
#include <sys/types.h>

#include <string>
#include <vector>

namespace cc::host {

struct GroupRef {
  gid_t gid = 0;
  std::string name;  // the number as text when the group database has no name
};

struct Identity {
  uid_t uid = 0;
  std::string user;
  // Groups of this process: the effective gid and the supplementary groups.
  std::vector<GroupRef> groups;
  // Groups the group database lists for `user`. A group here but not in `groups` was
  // added after the session started: it only counts after logging in again.
  std::vector<std::string> database_groups;
  // True when this describes the running process: then access(2) is the final word
  // (it also knows about LSMs and read-only mounts); otherwise the mode bits and the
  // ACL are evaluated by hand.
  bool is_process = false;

  bool in_group(gid_t gid) const;
  bool in_group_named(const std::string& name) const;
};

// This process: getuid, getgroups, getpwuid_r, getgrouplist.
Identity current_identity();

// Names from the system's user and group databases; the number as text when unknown.
std::string user_name(uid_t uid);
std::string group_name(gid_t gid);

}  // namespace cc::host
