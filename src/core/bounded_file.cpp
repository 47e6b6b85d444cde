#include "core/bounded_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "core/error.hpp"
#include "core/unique_fd.hpp"

namespace cc {
namespace {

std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

}  // namespace

std::string read_bounded_file(const std::filesystem::path& path, std::size_t max_bytes, std::string_view what) {
  const std::string name = std::string(what) + " " + path.string();
  // O_NONBLOCK: opening a FIFO with no writer must not hang before fstat can refuse it.
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (!fd) {
    const int err = errno;
    const ErrorCode code = err == ENOENT                   ? ErrorCode::kNotFound
                           : err == EACCES || err == EPERM ? ErrorCode::kPermissionDenied
                                                           : ErrorCode::kIo;
    throw Error(code, "cannot open " + name + ": " + std::strerror(err));
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) throw Error(ErrorCode::kIo, "cannot stat " + name + ": " + std::strerror(errno));
  if (!S_ISREG(st.st_mode)) {
    throw Error(ErrorCode::kInvalidArgument, name + " is " + kind_of(st.st_mode) + ", not a regular file");
  }
  const auto too_large = [&] {
    return Error(ErrorCode::kInvalidArgument,
                 name + " is larger than " + std::to_string(max_bytes) + " bytes, the most accepted here");
  };
  if (st.st_size < 0 || static_cast<std::uintmax_t>(st.st_size) > max_bytes) throw too_large();
  std::string out(static_cast<std::size_t>(st.st_size), '\0');
  std::size_t got = 0;
  while (true) {
    if (got == out.size()) {
      // The file may have grown since fstat: one more byte tells.
      if (out.size() >= max_bytes) {
        char extra = 0;
        ssize_t n = 0;
        do n = ::read(fd.get(), &extra, 1);
        while (n < 0 && errno == EINTR);
        if (n > 0) throw too_large();
        if (n < 0) throw Error(ErrorCode::kIo, "cannot read " + name + ": " + std::strerror(errno));
        break;
      }
      out.resize(std::min(max_bytes, out.size() + 4096));
    }
    const ssize_t n = ::read(fd.get(), out.data() + got, out.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Error(ErrorCode::kIo, "cannot read " + name + ": " + std::strerror(errno));
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  out.resize(got);
  return out;
}

}  // namespace cc
