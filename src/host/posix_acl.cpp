#include "host/posix_acl.hpp"

#include <sys/xattr.h>

#include <array>

namespace cc::host {
namespace {

constexpr std::uint32_t kAclVersion = 2;
constexpr std::size_t kHeaderSize = 4;
constexpr std::size_t kEntrySize = 8;

std::uint32_t le(std::string_view bytes, std::size_t at, std::size_t width) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    value |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
  }
  return value;
}

void put_le(std::string& out, std::uint32_t value, std::size_t width) {
  for (std::size_t i = 0; i < width; ++i) {
    out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
  }
}

bool known_tag(std::uint32_t tag) {
  constexpr std::array<std::uint32_t, 6> tags{0x01, 0x02, 0x04, 0x08, 0x10, 0x20};
  for (auto t : tags) {
    if (t == tag) return true;
  }
  return false;
}

}  // namespace

std::optional<Acl> parse_posix_acl(std::string_view blob) {
  if (blob.size() < kHeaderSize || (blob.size() - kHeaderSize) % kEntrySize != 0) {
    return std::nullopt;
  }
  if (le(blob, 0, 4) != kAclVersion) return std::nullopt;
  Acl acl;
  for (std::size_t at = kHeaderSize; at < blob.size(); at += kEntrySize) {
    const std::uint32_t tag = le(blob, at, 2);
    if (!known_tag(tag)) return std::nullopt;
    acl.push_back({static_cast<AclTag>(tag), le(blob, at + 2, 2) & 7u, le(blob, at + 4, 4)});
  }
  return acl;
}

std::string encode_posix_acl(const Acl& acl) {
  std::string out;
  put_le(out, kAclVersion, 4);
  for (const AclEntry& entry : acl) {
    put_le(out, static_cast<std::uint32_t>(entry.tag), 2);
    put_le(out, entry.perm, 2);
    put_le(out, entry.id, 4);
  }
  return out;
}

std::optional<Acl> read_posix_acl(const std::filesystem::path& path) {
  std::array<char, 1024> buf{};
  const ssize_t n = ::getxattr(path.c_str(), "system.posix_acl_access", buf.data(), buf.size());
  if (n <= 0) return std::nullopt;
  return parse_posix_acl(std::string_view(buf.data(), static_cast<std::size_t>(n)));
}

}  // namespace cc::host
