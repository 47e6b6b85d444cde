#include "report/install_key.hpp"

#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/error.hpp"
#include "core/hex.hpp"
#include "core/unique_fd.hpp"
#include "report/sha256.hpp"

namespace cc::report {
namespace {

namespace fs = std::filesystem;

Error os_error(int err, const std::string& what, const fs::path& path) {
  const ErrorCode code = (err == EACCES || err == EPERM) ? ErrorCode::kPermissionDenied
                         : err == ENOENT                 ? ErrorCode::kNotFound
                                                         : ErrorCode::kIo;
  return Error(code, what + " " + path.string() + ": " + std::strerror(err));
}

std::string mode_octal(mode_t mode) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(mode & 07777));
  return buf;
}

// Wipes a key buffer when it goes out of scope, also on the error paths.
struct WipedBuffer {
  explicit WipedBuffer(std::size_t size) : bytes(size) {}
  ~WipedBuffer() { OPENSSL_cleanse(bytes.data(), bytes.size()); }
  WipedBuffer(const WipedBuffer&) = delete;
  WipedBuffer& operator=(const WipedBuffer&) = delete;
  std::vector<std::uint8_t> bytes;
};

void write_all(int fd, const std::uint8_t* data, std::size_t size, const fs::path& path) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw os_error(errno, "cannot write", path);
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
}

void fsync_dir(const fs::path& dir) {
  UniqueFd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd && ::fsync(fd.get()) != 0 && errno != EINVAL) throw os_error(errno, "cannot sync directory", dir);
}

// mkdir -p, each directory we create gets 0700 whatever the umask says.
void create_private_dirs(const fs::path& dir) {
  if (dir.empty()) return;
  struct stat st {};
  if (::stat(dir.c_str(), &st) == 0) {
    if (!S_ISDIR(st.st_mode)) throw Error(ErrorCode::kIo, dir.string() + " exists and is not a directory");
    return;
  }
  if (dir.has_parent_path() && dir.parent_path() != dir) create_private_dirs(dir.parent_path());
  if (::mkdir(dir.c_str(), 0700) != 0) {
    if (errno == EEXIST) return;
    throw os_error(errno, "cannot create directory", dir);
  }
  if (::chmod(dir.c_str(), 0700) != 0) throw os_error(errno, "cannot set mode 0700 on", dir);
}

// Returns false when the file does not exist.
bool try_load(const fs::path& path, std::size_t size, const std::string& what, std::vector<std::uint8_t>& out) {
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
  if (!fd) {
    if (errno == ENOENT) return false;
    if (errno == ELOOP)
      throw Error(ErrorCode::kPermissionDenied, what + " " + path.string() + " is a symbolic link; refusing to use it");
    throw os_error(errno, "cannot open " + what, path);
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) throw os_error(errno, "cannot stat " + what, path);
  if (!S_ISREG(st.st_mode))
    throw Error(ErrorCode::kPermissionDenied, what + " " + path.string() + " is not a regular file");
  if (st.st_uid != ::geteuid()) {
    throw Error(ErrorCode::kPermissionDenied, what + " " + path.string() + " belongs to another user (uid " +
                                                  std::to_string(st.st_uid) + "); refusing to use it");
  }
  if ((st.st_mode & 077) != 0) {
    throw Error(
        ErrorCode::kPermissionDenied,
        what + " " + path.string() + " has mode " + mode_octal(st.st_mode) +
            ", so other users could read it (and undo report pseudonyms or sign as this install); run: chmod 600 " +
            path.string());
  }
  if (st.st_size != static_cast<off_t>(size)) {
    throw Error(ErrorCode::kInvalidArgument,
                what + " " + path.string() + " has " + std::to_string(st.st_size) + " bytes, expected " +
                    std::to_string(size) + "; delete it to make a new one (old reports will no longer correlate)");
  }
  WipedBuffer buf(size + 1);
  std::size_t got = 0;
  while (got < buf.bytes.size()) {
    const ssize_t n = ::read(fd.get(), buf.bytes.data() + got, buf.bytes.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw os_error(errno, "cannot read " + what, path);
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  if (got != size) {
    throw Error(ErrorCode::kInvalidArgument, what + " " + path.string() + " changed size while being read");
  }
  out.assign(buf.bytes.begin(), buf.bytes.begin() + static_cast<std::ptrdiff_t>(size));
  return true;
}

// Writes a fresh key to a private temp file, then link()s it into place: link fails
// with EEXIST if another process won the race, and nobody ever sees a short file.
bool try_create(const fs::path& path, std::size_t size, const std::string& what) {
  WipedBuffer key(size);
  if (RAND_bytes(key.bytes.data(), static_cast<int>(key.bytes.size())) != 1) {
    throw Error(ErrorCode::kInternal, "the OpenSSL random generator failed");
  }
  std::array<std::uint8_t, 8> suffix{};
  if (RAND_bytes(suffix.data(), static_cast<int>(suffix.size())) != 1) {
    throw Error(ErrorCode::kInternal, "the OpenSSL random generator failed");
  }
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  const fs::path tmp = dir / ("." + path.filename().string() + ".new-" + to_hex(suffix));
  {
    UniqueFd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!fd) throw os_error(errno, "cannot create " + what, tmp);
    try {
      if (::fchmod(fd.get(), 0600) != 0) throw os_error(errno, "cannot set mode 0600 on", tmp);
      write_all(fd.get(), key.bytes.data(), key.bytes.size(), tmp);
      if (::fsync(fd.get()) != 0) throw os_error(errno, "cannot sync", tmp);
    } catch (...) {
      ::unlink(tmp.c_str());
      throw;
    }
  }
  const int rc = ::link(tmp.c_str(), path.c_str());
  const int link_errno = errno;
  ::unlink(tmp.c_str());
  if (rc != 0) {
    if (link_errno == EEXIST) return false;
    throw os_error(link_errno, "cannot create " + what, path);
  }
  fsync_dir(dir);
  return true;
}

}  // namespace

fs::path default_key_path() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && xdg[0] == '/') {
    return fs::path(xdg) / "coldcheck" / "install.key";
  }
  std::string home;
  if (const char* env = std::getenv("HOME"); env != nullptr && env[0] == '/') {
    home = env;
  } else if (const passwd* pw = ::getpwuid(::geteuid()); pw != nullptr && pw->pw_dir != nullptr) {
    home = pw->pw_dir;
  }
  if (home.empty()) {
    throw Error(ErrorCode::kNotFound, "no place for the install key: set XDG_CONFIG_HOME or HOME");
  }
  return fs::path(home) / ".config" / "coldcheck" / "install.key";
}

std::vector<std::uint8_t> load_or_create_secret_file(const fs::path& path, std::size_t size,
                                                     std::string_view what_view) {
  const std::string what(what_view);
  std::vector<std::uint8_t> key;
  // Two rounds cover losing the creation race to another process.
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (try_load(path, size, what, key)) return key;
    create_private_dirs(path.has_parent_path() ? path.parent_path() : fs::path());
    if (try_create(path, size, what)) {
      if (try_load(path, size, what, key)) return key;
      throw Error(ErrorCode::kIo, what + " " + path.string() + " vanished right after it was created");
    }
  }
  throw Error(ErrorCode::kIo, what + " " + path.string() + " could not be created or read");
}

std::vector<std::uint8_t> load_or_create_install_key(const fs::path& path) {
  return load_or_create_secret_file(path, kInstallKeySize, "install key");
}

std::string key_id(std::span<const std::uint8_t> key) {
  const Sha256Digest digest = sha256(key);
  return to_hex(std::span<const std::uint8_t>(digest.data(), 4));
}

}  // namespace cc::report
