// `coldcheck-serve` started the way systemd starts it from coldcheck.socket: the
// listening socket is passed in (LISTEN_FDS), and the service answers on it: the
// API with the token, and the page through a one-time login.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "http_client.hpp"
#include "support/subprocess.hpp"

namespace cc::service::testing {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

unsigned free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

TEST(SocketActivation, ServeAnswersOnTheSocketSystemdPasses) {
  const char* activate = "/usr/bin/systemd-socket-activate";
  if (::access(activate, X_OK) != 0) GTEST_SKIP() << activate << " is not installed";
  std::string tmpl = (fs::temp_directory_path() / "cc-activate-XXXXXX").string();
  ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
  const fs::path dir = tmpl;
  const auto token_file = (dir / "service.token").string();
  // The program the systemd unit starts: the service without the simulator and the demo.
  const auto bin = test_support::coldcheck_binary() + "-serve";
  const auto token = test_support::run({bin, "--print-token", "--token-file", token_file});
  ASSERT_EQ(token.exit_code, 0) << token.err;
  const auto bearer = "Authorization: Bearer " + token.out.substr(0, 64) + "\r\n";
  const unsigned port = free_port();
  test_support::Background service({activate, "-l", "127.0.0.1:" + std::to_string(port), "-E",
                                    "XDG_CONFIG_HOME=" + (dir / "config").string(), bin, "--no-store", "--token-file",
                                    token_file, "--key", (dir / "install.key").string()});
  HttpResponse health;
  for (int i = 0; i < 50 && health.status == 0; ++i) {
    try {
      health = round_trip(port, request("GET", "/api/v1/health", port, bearer));
    } catch (const std::exception&) {
      std::this_thread::sleep_for(100ms);  // the activator is not listening yet
    }
  }
  EXPECT_EQ(health.status, 200) << health.body;
  // The activator execs the service in its own process. Socket activation needs no
  // libsystemd, and an idle service without PostgreSQL maps no libpq (both cost RSS).
  std::error_code exe_ec;
  ASSERT_EQ(fs::read_symlink("/proc/" + std::to_string(service.pid()) + "/exe", exe_ec), fs::path(bin));
  std::ifstream maps_file("/proc/" + std::to_string(service.pid()) + "/maps");
  const std::string maps((std::istreambuf_iterator<char>(maps_file)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(maps.empty());
  EXPECT_EQ(maps.find("libsystemd.so"), std::string::npos);
  EXPECT_EQ(maps.find("libpq.so"), std::string::npos);
  const auto login =
      round_trip(port, request("POST", "/api/v1/login-url", port, bearer + "Content-Type: application/json\r\n", "{}"));
  ASSERT_EQ(login.status, 201) << login.body;
  const auto at = login.body.find("/login?code=");
  ASSERT_NE(at, std::string::npos);
  const auto target = login.body.substr(at, login.body.find('"', at) - at);
  const auto signed_in = round_trip(port, request("GET", target, port));
  ASSERT_EQ(signed_in.status, 303);
  const auto cookie = signed_in.header("set-cookie").value_or("");
  const auto page =
      round_trip(port, request("GET", "/", port, "Cookie: " + cookie.substr(0, cookie.find(';')) + "\r\n"));
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("coldcheck"), std::string::npos);
  service.terminate();
  std::error_code ec;
  fs::remove_all(dir, ec);
}

}  // namespace
}  // namespace cc::service::testing
