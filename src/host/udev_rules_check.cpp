#include <fnmatch.h>

#include <cstdio>
#include <map>
#include <system_error>

#include "host/host_checks.hpp"
#include "host/text_file.hpp"
#include "host/udev_rule_parser.hpp"

namespace cc::host {
namespace {

namespace fs = std::filesystem;

// udev's search path, highest priority first (systemd 252, split-usr and merged-usr).
constexpr const char* kRuleDirs[] = {
    "/etc/udev/rules.d",     "/run/udev/rules.d", "/usr/local/lib/udev/rules.d",
    "/usr/lib/udev/rules.d", "/lib/udev/rules.d",
};

// 73-seat-late.rules runs the uaccess builtin on everything tagged so far.
constexpr std::string_view kSeatLate = "73-seat-late.rules";

constexpr std::size_t kMaxRulesFile = 1024 * 1024;

struct RulesFiles {
  std::map<std::string, std::string> effective;  // file name -> host path, udev order
  std::vector<std::string> masked;
  bool any_dir = false;
};

bool is_masked(const HostRoot& root, const std::string& host_path) {
  const fs::path path = root.at(host_path);
  if (const auto target = read_link(path); target && *target == "/dev/null") return true;
  std::error_code ec;
  return fs::is_regular_file(path, ec) && fs::file_size(path, ec) == 0 && !ec;
}

RulesFiles list_rules_files(const HostRoot& root) {
  RulesFiles files;
  std::map<std::string, bool> seen;
  for (const char* dir : kRuleDirs) {
    std::error_code ec;
    fs::directory_iterator it(root.at(dir), ec);
    if (ec) continue;
    files.any_dir = true;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      const std::string name = it->path().filename().string();
      if (name.size() <= 6 || name.substr(name.size() - 6) != ".rules") continue;
      if (seen.count(name) != 0) continue;  // overridden by a higher-priority directory
      seen[name] = true;
      const std::string host_path = std::string(dir) + "/" + name;
      if (is_masked(root, host_path)) {
        files.masked.push_back(host_path);
      } else {
        files.effective[name] = host_path;
      }
    }
  }
  return files;
}

std::string hex4(std::uint16_t value) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04x", static_cast<unsigned>(value));
  return buf;
}

struct ValueMatch {
  bool matched = false;
  bool only_ignoring_case = false;
};

// udev patterns: shell globs, with '|' separating alternatives.
ValueMatch match_value(std::string_view pattern, const std::string& lower_hex) {
  ValueMatch result;
  std::size_t start = 0;
  while (start <= pattern.size()) {
    const std::size_t bar = std::min(pattern.find('|', start), pattern.size());
    const std::string alt(trim(pattern.substr(start, bar - start)));
    if (!alt.empty()) {
      if (::fnmatch(alt.c_str(), lower_hex.c_str(), 0) == 0) return {true, false};
      if (::fnmatch(to_lower(alt).c_str(), lower_hex.c_str(), 0) == 0) result = {true, true};
    }
    start = bar + 1;
  }
  return result;
}

bool is_id_key(const UdevKey& key, std::string_view attr, std::string_view env) {
  return ((key.key == "ATTR" || key.key == "ATTRS") && key.attr == attr) || (key.key == "ENV" && key.attr == env);
}

std::string applies_to(const UdevRule& rule) {
  bool own_attr = false;
  for (const UdevKey& key : rule.keys) {
    if (key.op != "==") {
      continue;
    }
    const std::string value = to_lower(key.value);
    if ((key.key == "KERNEL" && value.rfind("hidraw", 0) == 0) || (key.key == "SUBSYSTEM" && value == "hidraw")) {
      return "hidraw";
    }
    if (key.key == "SUBSYSTEM" && value == "usb") return "usb";
    if (key.key == "ATTR" && key.attr == "idVendor") own_attr = true;
  }
  // ATTR{} looks at the device itself; only the usb device has an idVendor file.
  return own_attr ? "usb" : "any";
}

std::optional<UdevRuleHit> match_rule(const UdevRule& rule, const std::string& vid, const std::string& pid) {
  bool vendor_seen = false;
  bool product_seen = false;
  bool ok = true;
  bool case_mismatch = false;
  for (const UdevKey& key : rule.keys) {
    const bool vendor = is_id_key(key, "idVendor", "ID_VENDOR_ID");
    const bool product = is_id_key(key, "idProduct", "ID_MODEL_ID");
    if (!vendor && !product) continue;
    const ValueMatch m = match_value(key.value, vendor ? vid : pid);
    if (key.op == "==") {
      (vendor ? vendor_seen : product_seen) = true;
      ok = ok && m.matched;
      case_mismatch = case_mismatch || m.only_ignoring_case;
    } else if (key.op == "!=") {
      ok = ok && !m.matched;
    }
  }
  if (!vendor_seen || !ok) return std::nullopt;
  UdevRuleHit hit;
  hit.line = rule.line;
  hit.vendor_only = !product_seen;
  hit.applies_to = applies_to(rule);
  hit.case_mismatch = case_mismatch;
  for (const UdevKey& key : rule.keys) {
    if (key.key == "TAG" && (key.op == "+=" || key.op == "=") && key.value == "uaccess") {
      hit.uaccess = true;
    }
    if (key.key == "GROUP" && (key.op == "=" || key.op == ":=")) hit.group = key.value;
    if (key.key == "MODE" && (key.op == "=" || key.op == ":=")) hit.mode = key.value;
  }
  return hit;
}

std::string describe_hit(const UdevRuleHit& hit) {
  std::string out = hit.file + ":" + std::to_string(hit.line) + " (" + hit.applies_to;
  if (hit.vendor_only) out += ", whole vendor";
  if (hit.uaccess) out += ", uaccess";
  if (!hit.group.empty()) out += ", group " + hit.group;
  if (!hit.mode.empty()) out += ", mode " + hit.mode;
  out += ")";
  if (hit.case_mismatch) {
    out +=
        " [upper-case id: udev compares case-sensitively and sysfs uses lower case, so "
        "udev will not apply it]";
  }
  if (hit.uaccess_too_late) {
    out +=
        " [uaccess is set after 73-seat-late.rules: rename the file to sort earlier, "
        "e.g. 51-...]";
  }
  return out;
}

std::string summarize(const UdevRulesCheck& check, const std::string& id) {
  if (!check.rules_dirs_present) {
    return "no udev rules directory exists (udev not installed, or inside a container); " + id +
           " cannot be covered by a rule";
  }
  std::string out;
  if (!check.found) {
    out = "no installed udev rule matches " + id +
          "; install the coldcheck udev rules, run `udevadm control --reload-rules`, then replug";
  } else {
    out = id + " matched by ";
    for (std::size_t i = 0; i < check.hits.size(); ++i) {
      out += (i ? "; " : "") + describe_hit(check.hits[i]);
    }
    if (!check.uaccess && !check.plugdev) {
      out += "; none of these rules grants access (no TAG+=\"uaccess\", no GROUP=\"plugdev\")";
    }
  }
  if (!check.masked.empty()) {
    out += "; masked rule files:";
    for (const std::string& file : check.masked) out += " " + file;
  }
  return out;
}

}  // namespace

UdevRulesCheck check_udev_rules(const HostRoot& root, std::uint16_t vid, std::uint16_t pid) {
  UdevRulesCheck check;
  const RulesFiles files = list_rules_files(root);
  check.rules_dirs_present = files.any_dir;
  check.masked = files.masked;
  const std::string v = hex4(vid);
  const std::string p = hex4(pid);
  for (const auto& [name, host_path] : files.effective) {
    const auto text = read_text_file(root.at(host_path), kMaxRulesFile);
    if (!text) continue;
    bool file_listed = false;
    for (const UdevRule& rule : parse_udev_rules(*text)) {
      auto hit = match_rule(rule, v, p);
      if (!hit) continue;
      hit->file = host_path;
      hit->uaccess_too_late = hit->uaccess && name > kSeatLate;
      check.found = true;
      check.uaccess = check.uaccess || (hit->uaccess && !hit->uaccess_too_late);
      check.plugdev = check.plugdev || hit->group == "plugdev";
      if (!file_listed) check.files.push_back(host_path);
      file_listed = true;
      check.hits.push_back(std::move(*hit));
    }
  }
  check.detail = summarize(check, v + ":" + p);
  return check;
}

}  // namespace cc::host
