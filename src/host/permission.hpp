#pragma once
// Would `who` be allowed to open a node read-write? The kernel's algorithm for mode bits
// and POSIX ACLs (acl(5), "ACCESS CHECK ALGORITHM"), evaluated by hand so that a test,
// or a support agent, can ask about someone other than the running process.
#include <sys/types.h>

#include <optional>
#include <string>

#include "host/identity.hpp"
#include "host/posix_acl.hpp"

namespace cc::host {

struct Permission {
  bool read_write = false;
  // Which entry decided: "root", "owner", "group plugdev", "ACL user alice",
  // "ACL group plugdev", "other".
  std::string via;
  bool via_acl = false;  // a named user or group ACL entry grants read-write
};

Permission evaluate_permission(unsigned mode, uid_t owner, gid_t group, const std::optional<Acl>& acl,
                               const Identity& who);

}  // namespace cc::host
