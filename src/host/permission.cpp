#include "host/permission.hpp"

namespace cc::host {
namespace {

constexpr unsigned kRw = kAclRead | kAclWrite;

bool rw(unsigned perm) { return (perm & kRw) == kRw; }

Permission decided(bool ok, std::string via, bool via_acl = false) {
  return Permission{ok, std::move(via), ok && via_acl};
}

Permission without_acl(unsigned mode, uid_t owner, gid_t group, const Identity& who) {
  if (who.uid == owner) return decided(rw(mode >> 6), "owner");
  if (who.in_group(group)) return decided(rw(mode >> 3), "group " + group_name(group));
  return decided(rw(mode), "other");
}

}  // namespace

Permission evaluate_permission(unsigned mode, uid_t owner, gid_t group, const std::optional<Acl>& acl,
                               const Identity& who) {
  // CAP_DAC_OVERRIDE: root reads and writes any device node regardless of its mode.
  if (who.uid == 0) return decided(true, "root");
  if (!acl || acl->empty()) return without_acl(mode, owner, group, who);

  unsigned mask = 7;
  for (const AclEntry& e : *acl) {
    if (e.tag == AclTag::kMask) mask = e.perm;
  }
  if (who.uid == owner) {
    for (const AclEntry& e : *acl) {
      if (e.tag == AclTag::kUserObj) return decided(rw(e.perm), "owner");
    }
    return decided(rw(mode >> 6), "owner");
  }
  for (const AclEntry& e : *acl) {
    if (e.tag == AclTag::kUser && e.id == who.uid) {
      return decided(rw(e.perm & mask), "ACL user " + user_name(who.uid), true);
    }
  }
  // Every matching group entry is considered; any one that grants is enough.
  bool group_matched = false;
  std::string group_via;
  for (const AclEntry& e : *acl) {
    const bool owning = e.tag == AclTag::kGroupObj && who.in_group(group);
    const bool named = e.tag == AclTag::kGroup && who.in_group(static_cast<gid_t>(e.id));
    if (!owning && !named) continue;
    const gid_t gid = owning ? group : static_cast<gid_t>(e.id);
    const std::string via = (named ? "ACL group " : "group ") + group_name(gid);
    if (rw(e.perm & mask)) return decided(true, via, named);
    if (!group_matched) group_via = via;
    group_matched = true;
  }
  if (group_matched) return decided(false, group_via);
  for (const AclEntry& e : *acl) {
    if (e.tag == AclTag::kOther) return decided(rw(e.perm), "other");
  }
  return decided(rw(mode), "other");
}

}  // namespace cc::host
