#include "host/identity.hpp"

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

#include <algorithm>

namespace cc::host {
namespace {

constexpr std::size_t kNssBuffer = 16 * 1024;

std::vector<gid_t> process_groups() {
  std::vector<gid_t> gids;
  const int count = ::getgroups(0, nullptr);
  if (count > 0) {
    gids.resize(static_cast<std::size_t>(count));
    const int got = ::getgroups(count, gids.data());
    gids.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
  }
  gids.push_back(::getegid());
  std::sort(gids.begin(), gids.end());
  gids.erase(std::unique(gids.begin(), gids.end()), gids.end());
  return gids;
}

std::vector<std::string> database_groups_of(const std::string& user, gid_t primary) {
  std::vector<std::string> names;
  int count = 64;
  std::vector<gid_t> gids(static_cast<std::size_t>(count));
  if (::getgrouplist(user.c_str(), primary, gids.data(), &count) < 0) {
    if (count <= 0 || count > 65536) return names;
    gids.resize(static_cast<std::size_t>(count));
    if (::getgrouplist(user.c_str(), primary, gids.data(), &count) < 0) return names;
  }
  gids.resize(static_cast<std::size_t>(count));
  for (gid_t gid : gids) names.push_back(group_name(gid));
  return names;
}

}  // namespace

bool Identity::in_group(gid_t gid) const {
  return std::any_of(groups.begin(), groups.end(), [&](const GroupRef& g) { return g.gid == gid; });
}

bool Identity::in_group_named(const std::string& name) const {
  return std::any_of(groups.begin(), groups.end(), [&](const GroupRef& g) { return g.name == name; });
}

std::string user_name(uid_t uid) {
  std::vector<char> buf(kNssBuffer);
  passwd pw{};
  passwd* found = nullptr;
  if (::getpwuid_r(uid, &pw, buf.data(), buf.size(), &found) == 0 && found != nullptr) {
    return found->pw_name;
  }
  return std::to_string(uid);
}

std::string group_name(gid_t gid) {
  std::vector<char> buf(kNssBuffer);
  group gr{};
  group* found = nullptr;
  if (::getgrgid_r(gid, &gr, buf.data(), buf.size(), &found) == 0 && found != nullptr) {
    return found->gr_name;
  }
  return std::to_string(gid);
}

Identity current_identity() {
  Identity id;
  id.uid = ::getuid();
  id.user = user_name(id.uid);
  for (gid_t gid : process_groups()) id.groups.push_back({gid, group_name(gid)});
  if (id.user != std::to_string(id.uid)) {
    id.database_groups = database_groups_of(id.user, ::getgid());
  }
  id.is_process = true;
  return id;
}

}  // namespace cc::host
