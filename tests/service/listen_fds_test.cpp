// The LISTEN_FDS protocol read without libsystemd: what is taken, what is refused, and
// what a passed fd turns out to be.
#include "service/listen_fds.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>

#include "core/error.hpp"

namespace cc::service {
namespace {

int tcp_socket(bool listening, int family = AF_INET) {
  const int fd = ::socket(family, SOCK_STREAM, 0);
  EXPECT_GE(fd, 0);
  if (family == AF_INET) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  } else {
    sockaddr_in6 a{};
    a.sin6_family = AF_INET6;
    a.sin6_addr = in6addr_loopback;
    EXPECT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  }
  if (listening) {
    EXPECT_EQ(::listen(fd, 4), 0);
  }
  return fd;
}

int unix_listener(const std::string& path) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un a{};
  a.sun_family = AF_UNIX;
  path.copy(a.sun_path, sizeof a.sun_path - 1);
  EXPECT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  EXPECT_EQ(::listen(fd, 4), 0);
  return fd;
}

// Runs `body` in a forked child, where fds 3.. may be replaced freely; its return value
// is the child's exit status (0 = every expectation held, otherwise the failed step).
int in_child(const std::function<int()>& body) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    int status = 99;
    try {
      status = body();
    } catch (...) {
      status = 98;
    }
    ::_exit(status);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void set_listen(const std::string& pid, const char* count) {
  ::setenv("LISTEN_PID", pid.c_str(), 1);
  if (count) {
    ::setenv("LISTEN_FDS", count, 1);
  } else {
    ::unsetenv("LISTEN_FDS");
  }
  ::setenv("LISTEN_FDNAMES", "coldcheck", 1);
}

bool listen_variables_gone() {
  return !std::getenv("LISTEN_PID") && !std::getenv("LISTEN_FDS") && !std::getenv("LISTEN_FDNAMES");
}

TEST(ListenFds, TakesThePassedSocketsFromFdThreeAndClosesThemOnExec) {
  const auto path = (std::filesystem::temp_directory_path() / ("cc-listen-" + std::to_string(::getpid()))).string();
  const int status = in_child([&] {
    const int tcp = tcp_socket(true);
    const int local = unix_listener(path);
    // Plain fds, as a service manager hands them over (no FD_CLOEXEC).
    if (::dup2(tcp, 3) != 3 || ::dup2(local, 4) != 4) return 1;
    set_listen(std::to_string(::getpid()), "2");
    const auto fds = take_listen_fds();
    if (fds != std::vector<int>{3, 4}) return 2;
    for (const int fd : fds) {
      if ((::fcntl(fd, F_GETFD) & FD_CLOEXEC) == 0) return 3;
    }
    if (!listen_variables_gone()) return 4;
    if (listening_stream_family(3) != AF_INET || listening_stream_family(4) != AF_UNIX) return 5;
    // Taken once: a second call (or a child) finds nothing.
    if (!take_listen_fds().empty()) return 6;
    return 0;
  });
  std::filesystem::remove(path);
  EXPECT_EQ(status, 0);
}

TEST(ListenFds, NothingWhenNoVariablesAreSet) {
  ::unsetenv("LISTEN_PID");
  ::unsetenv("LISTEN_FDS");
  EXPECT_TRUE(take_listen_fds().empty());
}

TEST(ListenFds, SocketsMeantForAnotherProcessAreNotTakenButTheVariablesAreRemoved) {
  const int status = in_child([] {
    const int tcp = tcp_socket(true);
    if (::dup2(tcp, 3) != 3) return 1;
    set_listen(std::to_string(::getppid()), "1");
    if (!take_listen_fds().empty()) return 2;
    if (!listen_variables_gone()) return 3;
    // Left as it was: not ours to mark.
    if ((::fcntl(3, F_GETFD) & FD_CLOEXEC) != 0) return 4;
    return 0;
  });
  EXPECT_EQ(status, 0);
}

TEST(ListenFds, OurPidWithoutACountIsNothing) {
  set_listen(std::to_string(::getpid()), nullptr);
  EXPECT_TRUE(take_listen_fds().empty());
  EXPECT_TRUE(listen_variables_gone());
}

TEST(ListenFds, GarbageCountsAreRefusedAndTheVariablesStillRemoved) {
  for (const char* count : {"", "abc", "2x", " 1", "-1", "+1", "1.5", "99999999999", "2147483647"}) {
    set_listen(std::to_string(::getpid()), count);
    try {
      take_listen_fds();
      ADD_FAILURE() << "LISTEN_FDS='" << count << "' was accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument) << count;
      EXPECT_NE(std::string(e.what()).find("LISTEN_FDS"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(listen_variables_gone()) << count;
  }
}

TEST(ListenFds, GarbagePidsAreRefused) {
  for (const char* pid : {"", "x", "12ab", "-5", "0", "99999999999999999999999"}) {
    set_listen(pid, "1");
    try {
      take_listen_fds();
      ADD_FAILURE() << "LISTEN_PID='" << pid << "' was accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument) << pid;
    }
    EXPECT_TRUE(listen_variables_gone()) << pid;
  }
}

TEST(ListenFds, ACountPastTheOpenFdsIsRefused) {
  const int status = in_child([] {
    for (int fd = 3; fd < 64; ++fd) ::close(fd);
    const int tcp = tcp_socket(true);
    if (::dup2(tcp, 3) != 3) return 1;
    if (tcp != 3) ::close(tcp);
    set_listen(std::to_string(::getpid()), "2");  // fd 4 is not open
    try {
      take_listen_fds();
    } catch (const Error& e) {
      return e.code() == ErrorCode::kInvalidArgument && std::string(e.what()).find("fd 4") != std::string::npos ? 0 : 2;
    }
    return 3;
  });
  EXPECT_EQ(status, 0);
}

TEST(ListenFds, ListeningStreamSocketsAreKnownByFamily) {
  const int v4 = tcp_socket(true, AF_INET);
  EXPECT_EQ(listening_stream_family(v4), AF_INET);
  ::close(v4);
  const int v6 = ::socket(AF_INET6, SOCK_STREAM, 0);
  if (v6 >= 0) {
    ::close(v6);
    const int listening_v6 = tcp_socket(true, AF_INET6);
    EXPECT_EQ(listening_stream_family(listening_v6), AF_INET6);
    ::close(listening_v6);
  }
}

TEST(ListenFds, ANonSocketFdIsNotAListener) {
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  EXPECT_EQ(listening_stream_family(pipe_fds[0]), std::nullopt);
  ::close(pipe_fds[0]);
  ::close(pipe_fds[1]);
  const int file = ::open("/dev/null", O_RDONLY);
  EXPECT_EQ(listening_stream_family(file), std::nullopt);
  ::close(file);
  EXPECT_EQ(listening_stream_family(-1), std::nullopt);
}

TEST(ListenFds, ANonListeningOrDatagramSocketIsNotAListener) {
  const int bound = tcp_socket(false);
  EXPECT_EQ(listening_stream_family(bound), std::nullopt);
  ::close(bound);
  const int udp = ::socket(AF_INET, SOCK_DGRAM, 0);
  ASSERT_GE(udp, 0);
  EXPECT_EQ(listening_stream_family(udp), std::nullopt);
  ::close(udp);
  int pair[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, pair), 0);
  EXPECT_EQ(listening_stream_family(pair[0]), std::nullopt);  // connected, not listening
  ::close(pair[0]);
  ::close(pair[1]);
}

}  // namespace
}  // namespace cc::service
