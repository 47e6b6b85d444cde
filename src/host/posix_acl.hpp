#pragma once
// POSIX access ACLs as the kernel stores them in the system.posix_acl_access xattr.
// systemd-logind grants the person at the seat access to uaccess-tagged nodes by
// adding a named-user entry here, so "mode 0660 root:plugdev" can still be usable.
#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cc::host {

enum class AclTag : std::uint16_t {
  kUserObj = 0x01,
  kUser = 0x02,
  kGroupObj = 0x04,
  kGroup = 0x08,
  kMask = 0x10,
  kOther = 0x20,
};

inline constexpr unsigned kAclRead = 4;
inline constexpr unsigned kAclWrite = 2;

struct AclEntry {
  AclTag tag;
  unsigned perm;     // rwx bits: 4, 2, 1
  std::uint32_t id;  // uid or gid for kUser / kGroup
};

using Acl = std::vector<AclEntry>;

// Parses the xattr value (little-endian: u32 version 2, then {u16 tag, u16 perm, u32 id}).
// nullopt for anything malformed.
std::optional<Acl> parse_posix_acl(std::string_view blob);

// Encodes an ACL in the xattr format (tests use it to put an ACL on a file).
std::string encode_posix_acl(const Acl& acl);

// The file's access ACL; nullopt when it has none or the file system cannot say.
std::optional<Acl> read_posix_acl(const std::filesystem::path& path);

}  // namespace cc::host
