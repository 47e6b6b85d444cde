#include "report/write_atomic.hpp"

#include <fcntl.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

#include "core/error.hpp"
#include "core/hex.hpp"
#include "core/unique_fd.hpp"

namespace cc::report {
namespace {

namespace fs = std::filesystem;

Error os_error(int err, const std::string& what, const fs::path& path) {
  const ErrorCode code = (err == EACCES || err == EPERM || err == EROFS) ? ErrorCode::kPermissionDenied
                         : err == ENOENT                                 ? ErrorCode::kNotFound
                                                                         : ErrorCode::kIo;
  return Error(code, what + " " + path.string() + ": " + std::strerror(err));
}

fs::path temp_name(const fs::path& path) {
  std::array<std::uint8_t, 8> suffix{};
  if (RAND_bytes(suffix.data(), static_cast<int>(suffix.size())) != 1) {
    throw Error(ErrorCode::kInternal, "the OpenSSL random generator failed");
  }
  return path.parent_path() / ("." + path.filename().string() + ".tmp-" + to_hex(suffix));
}

// Removes the temp file unless disarmed after the rename.
class TempGuard {
 public:
  explicit TempGuard(fs::path path) : path_(std::move(path)) {}
  ~TempGuard() {
    if (armed_) ::unlink(path_.c_str());
  }
  TempGuard(const TempGuard&) = delete;
  TempGuard& operator=(const TempGuard&) = delete;
  void disarm() { armed_ = false; }

 private:
  fs::path path_;
  bool armed_ = true;
};

}  // namespace

void write_file_atomic(const fs::path& target, std::string_view bytes) {
  if (target.filename().empty()) throw Error(ErrorCode::kInvalidArgument, "not a file name: " + target.string());
  const fs::path path = target.has_parent_path() ? target : fs::path(".") / target;
  const fs::path dir = path.parent_path();
  const fs::path tmp = temp_name(path);

  UniqueFd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
  if (!fd) throw os_error(errno, "cannot create a file in", dir);
  TempGuard guard(tmp);
  if (::fchmod(fd.get(), 0600) != 0) throw os_error(errno, "cannot set mode 0600 on", tmp);
  const char* data = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    const ssize_t n = ::write(fd.get(), data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw os_error(errno, "cannot write", tmp);
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd.get()) != 0) throw os_error(errno, "cannot sync", tmp);
  fd.reset();  // after a successful fsync, close has nothing left to report
  if (::rename(tmp.c_str(), path.c_str()) != 0) throw os_error(errno, "cannot replace", target);
  guard.disarm();

  UniqueFd dir_fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!dir_fd) throw os_error(errno, "cannot open directory", dir);
  if (::fsync(dir_fd.get()) != 0 && errno != EINVAL) throw os_error(errno, "cannot sync directory", dir);
}

}  // namespace cc::report
