#pragma once
// Who and where the report was made: names that must never reach a shared report.
#include <string>
#include <string_view>
#include <vector>

namespace cc::report {

struct HostIdentity {
  std::vector<std::string> homes;  // "/home/alice"
  std::vector<std::string> users;  // "alice"
  std::vector<std::string> hosts;  // "alice-laptop", "alice-laptop.example.org"

  // From getpwuid(geteuid()), $HOME, $USER, $LOGNAME and gethostname().
  static HostIdentity current();
};

// Replaces, in free text: each home directory with "~" (also any other "/home/<name>"
// with "/home/<user>"), each user name with "<user>" and each host name with "<host>".
// Names match whole words only, so user "al" leaves "also" alone; names with no
// letter, or a single character, are left alone because they would mangle the text.
std::string scrub_host_details(std::string_view text, const HostIdentity& identity);
// Same, with HostIdentity::current() (computed once per process).
std::string scrub_host_details(std::string_view text);

// False for system accounts (root, daemon, uid < 1000): they name nobody.
bool is_personal_account(std::string_view name);

}  // namespace cc::report
