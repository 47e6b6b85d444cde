#include "report/host_details.hpp"

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>

namespace cc::report {
namespace {

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool usable_name(std::string_view name) {
  return name.size() >= 2 &&
         std::any_of(name.begin(), name.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

void add_unique(std::vector<std::string>& list, std::string value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}

// Replaces each occurrence of `from` whose surroundings `fits(hit, end)` accepts.
template <typename Fits>
std::string replace_where(std::string_view text, std::string_view from, std::string_view to, Fits fits) {
  std::string out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t hit = text.find(from, pos);
    if (hit == std::string_view::npos) break;
    const std::size_t end = hit + from.size();
    if (fits(hit, end)) {
      out.append(text.substr(pos, hit - pos));
      out.append(to);
      pos = end;
    } else {
      out.append(text.substr(pos, hit + 1 - pos));
      pos = hit + 1;
    }
  }
  out.append(text.substr(pos));
  return out;
}

// Replaces `from` where it stands as a whole word.
std::string replace_word(std::string_view text, std::string_view from, std::string_view to) {
  return replace_where(text, from, to, [&](std::size_t hit, std::size_t end) {
    const bool left_ok = hit == 0 || !is_word_char(text[hit - 1]);
    const bool right_ok = end == text.size() || !is_word_char(text[end]);
    return left_ok && right_ok;
  });
}

// Replaces a home directory where it is a whole path prefix ("/home/al" is not in "/home/alice").
std::string replace_home(std::string_view text, std::string_view home) {
  return replace_where(text, home, "~", [&](std::size_t, std::size_t end) {
    return end == text.size() || text[end] == '/' ||
           (!is_word_char(text[end]) && text[end] != '.' && text[end] != '-' && text[end] != '_');
  });
}

// Any "/home/<name>" left over belongs to some user of this machine.
std::string replace_other_homes(std::string_view text) {
  static constexpr std::string_view kPrefix = "/home/";
  std::string out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t hit = text.find(kPrefix, pos);
    if (hit == std::string_view::npos) break;
    std::size_t end = hit + kPrefix.size();
    while (end < text.size() && text[end] != '/' && text[end] != ' ' && text[end] != '"' && text[end] != '\'' &&
           text[end] != '\n' && text[end] != ':')
      ++end;
    out.append(text.substr(pos, hit - pos));
    if (end == hit + kPrefix.size()) {
      out.append(kPrefix);
    } else {
      out.append("/home/<user>");
    }
    pos = end;
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace

bool is_personal_account(std::string_view name) {
  const std::string n(name);
  const passwd* pw = ::getpwnam(n.c_str());
  // Unknown names may still be someone's: scrub them. System accounts (root, daemon,
  // uid below Debian's first user id) identify nobody, and "root" is an ordinary word
  // in reports ("TEST root"), so scrubbing it would garble them.
  return pw == nullptr || pw->pw_uid >= 1000;
}

HostIdentity HostIdentity::current() {
  HostIdentity id;
  auto add_user = [&](const char* name) {
    if (name != nullptr && is_personal_account(name)) add_unique(id.users, name);
  };
  if (const passwd* pw = ::getpwuid(::geteuid()); pw != nullptr) {
    if (pw->pw_dir != nullptr && pw->pw_uid >= 1000) add_unique(id.homes, pw->pw_dir);
    add_user(pw->pw_name);
  }
  // root's home names nobody either.
  if (const char* home = std::getenv("HOME"); home != nullptr && std::string_view(home) != "/root") {
    add_unique(id.homes, home);
  }
  for (const char* var : {"USER", "LOGNAME"}) add_user(std::getenv(var));
  std::array<char, 256> host{};
  if (::gethostname(host.data(), host.size() - 1) == 0) {
    const std::string full(host.data());
    add_unique(id.hosts, full);
    add_unique(id.hosts, full.substr(0, full.find('.')));
  }
  return id;
}

std::string scrub_host_details(std::string_view text, const HostIdentity& identity) {
  std::string out(text);
  // Longest first, so "/home/alice/work" is not half-replaced by "/home/alice" twice.
  std::vector<std::string> homes = identity.homes;
  std::sort(homes.begin(), homes.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  for (std::string home : homes) {
    while (home.size() > 1 && home.back() == '/') home.pop_back();
    if (home.size() > 1) out = replace_home(out, home);
  }
  out = replace_other_homes(out);
  std::vector<std::pair<std::string, std::string_view>> names;
  for (const auto& host : identity.hosts) names.emplace_back(host, "<host>");
  for (const auto& user : identity.users) names.emplace_back(user, "<user>");
  std::stable_sort(names.begin(), names.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (const auto& [name, placeholder] : names) {
    if (usable_name(name)) out = replace_word(out, name, placeholder);
  }
  return out;
}

std::string scrub_host_details(std::string_view text) {
  static const HostIdentity identity = HostIdentity::current();
  return scrub_host_details(text, identity);
}

}  // namespace cc::report
