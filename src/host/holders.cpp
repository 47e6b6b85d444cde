#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <memory>

#include "host/host_checks.hpp"
#include "host/text_file.hpp"

namespace cc::host {
namespace {

namespace fs = std::filesystem;

struct DirCloser {
  void operator()(DIR* dir) const noexcept { ::closedir(dir); }
};
using UniqueDir = std::unique_ptr<DIR, DirCloser>;

std::optional<int> parse_pid(const char* name) {
  const std::string_view text(name);
  int pid = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), pid);
  if (ec != std::errc{} || end != text.data() + text.size() || pid <= 0) return std::nullopt;
  return pid;
}

std::string basename_of(std::string_view path) {
  constexpr std::string_view kDeleted = " (deleted)";
  if (path.size() > kDeleted.size() && path.substr(path.size() - kDeleted.size()) == kDeleted) {
    path.remove_suffix(kDeleted.size());
  }
  const auto slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// Identity of the node on the real root, to find it under other names (symlinks).
struct NodeId {
  dev_t dev;
  ino_t ino;
};

std::optional<NodeId> stat_id(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return NodeId{st.st_dev, st.st_ino};
}

class Scanner {
 public:
  Scanner(const HostRoot& root, const std::string& node)
      : root_(root), node_(node), node_id_(root.is_real() ? stat_id(node) : std::nullopt) {}

  // nullopt: the fd table could not be read. true: `pid` holds the node.
  std::optional<bool> holds(int pid) const {
    const fs::path fd_dir = root_.at("/proc/" + std::to_string(pid) + "/fd");
    UniqueDir dir(::opendir(fd_dir.c_str()));
    if (!dir) {
      // ENOENT: the process exited meanwhile; anything else means we could not look.
      if (errno == ENOENT) return false;
      return std::nullopt;
    }
    while (const dirent* entry = ::readdir(dir.get())) {
      if (entry->d_name[0] == '.') continue;
      const fs::path link = fd_dir / entry->d_name;
      const auto target = read_link(link);
      if (!target) continue;
      if (*target == node_) return true;
      if (node_id_ && !target->empty() && target->front() == '/') {
        const auto id = stat_id(link);  // follows the fd's magic link
        if (id && id->dev == node_id_->dev && id->ino == node_id_->ino) return true;
      }
    }
    return false;
  }

  Holder describe(int pid) const {
    const std::string proc = "/proc/" + std::to_string(pid);
    Holder h;
    h.pid = pid;
    if (const auto comm = read_text_file(root_.at(proc + "/comm"), 256)) {
      h.comm = std::string(trim(*comm));
    }
    if (const auto exe = read_link(root_.at(proc + "/exe"))) h.exe = basename_of(*exe);
    h.program = h.comm.empty() ? h.exe : h.comm;
    struct stat st {};
    if (::stat(root_.at(proc).c_str(), &st) == 0) h.uid = st.st_uid;
    h.known_as = std::string(known_program(h.comm));
    if (h.known_as.empty()) h.known_as = std::string(known_program(h.exe));
    if (h.known_as.empty()) h.known_as = from_cmdline(proc);
    return h;
  }

 private:
  // Interpreted programs (python3 electrum, java -jar sparrow.jar) show the interpreter in
  // comm and exe; their script or jar is among the first arguments.
  std::string from_cmdline(const std::string& proc) const {
    const auto cmdline = read_text_file(root_.at(proc + "/cmdline"), 4096);
    if (!cmdline) return {};
    std::size_t start = 0;
    for (int arg = 0; arg < 4 && start < cmdline->size(); ++arg) {
      const std::size_t end = std::min(cmdline->find('\0', start), cmdline->size());
      const std::string name = basename_of(std::string_view(*cmdline).substr(start, end - start));
      const std::string_view known = known_program(name);
      if (!known.empty()) return std::string(known);
      start = end + 1;
    }
    return {};
  }

  const HostRoot& root_;
  const std::string& node_;
  std::optional<NodeId> node_id_;
};

}  // namespace

HolderScan find_holders(const HostRoot& root, const std::string& node, const HolderScanOptions& options) {
  HolderScan scan;
  const Scanner scanner(root, node);
  const int self = static_cast<int>(::getpid());
  UniqueDir proc(::opendir(root.at("/proc").c_str()));
  if (!proc) {
    scan.partial = true;  // no /proc at all: nothing could be checked
    return scan;
  }
  while (const dirent* entry = ::readdir(proc.get())) {
    const auto pid = parse_pid(entry->d_name);
    if (!pid || (*pid == self && !options.include_self)) continue;
    const auto held = scanner.holds(*pid);
    if (!held) {
      scan.partial = true;
      ++scan.unreadable;
    } else if (*held) {
      scan.holders.push_back(scanner.describe(*pid));
    }
  }
  return scan;
}

}  // namespace cc::host
