#include "service/listen_fds.hpp"

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <charconv>
#include <climits>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace cc::service {

namespace {

// A whole decimal number, nothing before or after it.
template <typename T>
std::optional<T> parse_number(std::string_view text) {
  T value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

void unset_listen_variables() {
  ::unsetenv("LISTEN_PID");
  ::unsetenv("LISTEN_FDS");
  ::unsetenv("LISTEN_FDNAMES");
}

}  // namespace

std::vector<int> take_listen_fds() {
  const char* pid_text = std::getenv("LISTEN_PID");
  const char* count_text = std::getenv("LISTEN_FDS");
  // Copies: the variables are removed before anything is checked, on every path.
  const std::string pid_value = pid_text ? pid_text : "";
  const std::string count_value = count_text ? count_text : "";
  const bool present = pid_text != nullptr;
  unset_listen_variables();
  if (!present) return {};
  const auto pid = parse_number<long long>(pid_value);
  if (!pid || *pid <= 0) throw Error(ErrorCode::kInvalidArgument, "LISTEN_PID='" + pid_value + "' is not a process id");
  if (*pid != static_cast<long long>(::getpid())) return {};
  if (!count_text) return {};
  const auto count = parse_number<int>(count_value);
  if (!count || *count < 0 || *count > INT_MAX - kListenFdsStart) {
    throw Error(ErrorCode::kInvalidArgument, "LISTEN_FDS='" + count_value + "' is not a count of sockets");
  }
  std::vector<int> fds;
  for (int fd = kListenFdsStart; fd < kListenFdsStart + *count; ++fd) {
    const int flags = ::fcntl(fd, F_GETFD);
    if (flags < 0 || ::fcntl(fd, F_SETFD, flags | FD_CLOEXEC) < 0) {
      throw Error(ErrorCode::kInvalidArgument,
                  "LISTEN_FDS=" + count_value + " but fd " + std::to_string(fd) + " is not open");
    }
    fds.push_back(fd);
  }
  return fds;
}

std::optional<int> listening_stream_family(int fd) {
  int type = 0;
  socklen_t length = sizeof type;
  if (::getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &length) < 0 || type != SOCK_STREAM) return std::nullopt;
  int listening = 0;
  length = sizeof listening;
  if (::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &length) < 0 || listening == 0) return std::nullopt;
  sockaddr_storage address{};
  length = sizeof address;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) < 0) return std::nullopt;
  const int family = address.ss_family;
  if (family != AF_UNIX && family != AF_INET && family != AF_INET6) return std::nullopt;
  return family;
}

}  // namespace cc::service
