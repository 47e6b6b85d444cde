#include "unprivileged.hpp"

#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/unique_fd.hpp"

namespace cc::host::test {

std::optional<std::string> run_unprivileged(const std::function<std::string()>& work) {
  if (::geteuid() != 0) return work();
  int fds[2];
  if (::pipe(fds) != 0) return std::nullopt;
  UniqueFd read_end(fds[0]);
  UniqueFd write_end(fds[1]);
  const pid_t child = ::fork();
  if (child < 0) return std::nullopt;
  if (child == 0) {
    read_end.reset();
    const gid_t nobody_gid = kNobody;
    if (::setgroups(1, &nobody_gid) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0 || ::getuid() == 0) {
      ::_exit(2);
    }
    const std::string out = work();
    std::size_t done = 0;
    while (done < out.size()) {
      const ssize_t n = ::write(write_end.get(), out.data() + done, out.size() - done);
      if (n <= 0) ::_exit(3);
      done += static_cast<std::size_t>(n);
    }
    ::_exit(0);
  }
  write_end.reset();
  std::string out;
  char buf[4096];
  ssize_t n = 0;
  while ((n = ::read(read_end.get(), buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  int status = 0;
  if (::waitpid(child, &status, 0) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return std::nullopt;
  }
  return out;
}

}  // namespace cc::host::test
