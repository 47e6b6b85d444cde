#include "core/write_atomic.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

#include "core/error.hpp"
#include "core/hex.hpp"
#include "core/unique_fd.hpp"
#include "core/utc_time.hpp"

namespace cc {
namespace {

namespace fs = std::filesystem;

Error os_error(int err, const std::string& what, const fs::path& path) {
  const ErrorCode code = (err == EACCES || err == EPERM || err == EROFS) ? ErrorCode::kPermissionDenied
                         : err == ENOENT                                 ? ErrorCode::kNotFound
                                                                         : ErrorCode::kIo;
  return Error(code, what + " " + path.string() + ": " + std::strerror(err));
}

template <std::size_t N>
std::string random_hex() {
  std::array<std::uint8_t, N> bytes{};
  // The kernel's generator: names need only be unguessable and distinct, and link()
  // refuses anything already there.
  if (getrandom(bytes.data(), bytes.size(), 0) != static_cast<ssize_t>(bytes.size())) {
    throw Error(ErrorCode::kInternal, "the kernel random generator failed");
  }
  return to_hex(bytes);
}

fs::path temp_name(const fs::path& path) {
  return path.parent_path() / ("." + path.filename().string() + ".tmp-" + random_hex<8>());
}

// Removes the file unless disarmed.
class RemoveGuard {
 public:
  explicit RemoveGuard(fs::path path) : path_(std::move(path)) {}
  ~RemoveGuard() {
    if (armed_) ::unlink(path_.c_str());
  }
  RemoveGuard(const RemoveGuard&) = delete;
  RemoveGuard& operator=(const RemoveGuard&) = delete;
  void disarm() { armed_ = false; }

 private:
  fs::path path_;
  bool armed_ = true;
};

// Holds back the signals that would end the process between temp file and link.
class SignalsHeld {
 public:
  SignalsHeld() {
    sigset_t set;
    sigemptyset(&set);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) sigaddset(&set, s);
    held_ = ::pthread_sigmask(SIG_BLOCK, &set, &old_) == 0;
  }
  ~SignalsHeld() {
    if (held_) ::pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  SignalsHeld(const SignalsHeld&) = delete;
  SignalsHeld& operator=(const SignalsHeld&) = delete;

 private:
  sigset_t old_{};
  bool held_ = false;
};

fs::path with_dir(const fs::path& target) {
  if (target.filename().empty()) throw Error(ErrorCode::kInvalidArgument, "not a file name: " + target.string());
  return target.has_parent_path() ? target : fs::path(".") / target;
}

void sync_dir(const fs::path& dir) {
  UniqueFd dir_fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!dir_fd) throw os_error(errno, "cannot open directory", dir);
  if (::fsync(dir_fd.get()) != 0 && errno != EINVAL) throw os_error(errno, "cannot sync directory", dir);
}

// Writes and links one file; returns false when the name is taken (nothing left behind).
bool publish(const fs::path& path, std::string_view bytes) {
  // Taken names are refused before a temp file appears beside them (as root, in /dev).
  // link() below still decides: something may appear in between.
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0) return false;
  const fs::path tmp = temp_name(path);
  UniqueFd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
  if (!fd) throw os_error(errno, "cannot create a file in", path.parent_path());
  RemoveGuard guard(tmp);  // the temp name goes on every path, success included
  if (::fchmod(fd.get(), 0600) != 0) throw os_error(errno, "cannot set mode 0600 on", tmp);
  const char* data = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    const ssize_t n = ::write(fd.get(), data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw os_error(errno, "cannot write", path);
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd.get()) != 0) throw os_error(errno, "cannot sync", path);
  if (::close(fd.release()) != 0) throw os_error(errno, "cannot close", path);
  if (::link(tmp.c_str(), path.c_str()) != 0) {
    if (errno == EEXIST) return false;
    throw os_error(errno, "cannot create", path);
  }
  return true;
}

}  // namespace

void write_file_atomic(const fs::path& target, std::string_view bytes) {
  const fs::path path = with_dir(target);
  const SignalsHeld held;
  if (!publish(path, bytes)) {
    throw Error(ErrorCode::kInvalidArgument,
                target.string() + " already exists; coldcheck never replaces a file (choose another name)");
  }
  sync_dir(path.parent_path());
}

std::vector<fs::path> write_report_set(const fs::path& dir, std::string_view prefix,
                                       const std::vector<RenderedFile>& files) {
  const SignalsHeld held;
  constexpr int kAttempts = 8;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    const std::string stem = std::string(prefix) + utc_now("%Y%m%d-%H%M%S") + "-" + random_hex<3>();
    std::vector<fs::path> written;
    bool taken = false;
    try {
      for (const auto& file : files) {
        const fs::path path = with_dir(dir / (stem + file.extension));
        if (!publish(path, file.bytes)) {
          taken = true;
          break;
        }
        written.push_back(path);
      }
      if (!taken) {
        sync_dir(dir.empty() ? fs::path(".") : dir);
        return written;
      }
    } catch (const Error& e) {
      for (const auto& p : written) ::unlink(p.c_str());
      throw Error(e.code(), std::string(e.what()) + "; no report was written (the files of this run were removed)");
    }
    for (const auto& p : written) ::unlink(p.c_str());
  }
  throw Error(ErrorCode::kIo, "no free report name in " + dir.string() + " after " + std::to_string(kAttempts) +
                                  " tries; no report was written");
}

}  // namespace cc
