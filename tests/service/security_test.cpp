// The security baseline and the attack suite, over real sockets against the running
// service: each attack gets the right status and nothing else happens.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <thread>
#include <vector>

#include "http_client.hpp"
#include "running_service.hpp"

namespace cc::service::testing {
namespace {

using namespace std::chrono_literals;

Limits quick_limits() {
  Limits l;
  l.request_timeout = 1000ms;
  l.write_timeout = 2000ms;
  return l;
}

class ServiceSecurity : public ::testing::Test {
 protected:
  RunningService svc{quick_limits(), 3};
  unsigned port() const { return svc.port(); }
  HttpResponse get(const std::string& target, const std::string& extra) {
    return round_trip(port(), request("GET", target, port(), extra));
  }
};

TEST_F(ServiceSecurity, TheTokenOpensTheApi) {
  const auto r = get("/api/v1/health", svc.bearer());
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("\"ok\":true"), std::string::npos);
  EXPECT_EQ(r.header("vary"), "Origin");
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
}

TEST_F(ServiceSecurity, MissingOrWrongTokenIsRefused) {
  auto r = get("/api/v1/health", "");
  EXPECT_EQ(r.status, 401);
  EXPECT_TRUE(r.header("www-authenticate"));
  EXPECT_NE(r.body.find("\"code\":\"auth\""), std::string::npos);
  r = get("/api/v1/health",
          "Authorization: Bearer 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdee\r\n");
  EXPECT_EQ(r.status, 401);
  r = get("/api/v1/health", "Authorization: Bearer 0123\r\n");  // a prefix of the token
  EXPECT_EQ(r.status, 401);
  r = get("/api/v1/health", "Authorization: Basic Zm9vOmJhcg==\r\n");
  EXPECT_EQ(r.status, 401);
}

TEST_F(ServiceSecurity, WrongOrMissingHostIsRefused) {
  // A DNS-rebinding page reaches us under its own name: the Host header gives it away.
  auto r = round_trip(port(), "GET /api/v1/health HTTP/1.1\r\nHost: attacker.example:" + std::to_string(port()) +
                                  "\r\n" + svc.bearer() + "\r\n");
  EXPECT_EQ(r.status, 421);
  EXPECT_EQ(r.body.find("attacker"), std::string::npos);  // never echoed
  r = round_trip(port(), "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:1\r\n" + svc.bearer() + "\r\n");
  EXPECT_EQ(r.status, 421);
  r = round_trip(port(), "GET /api/v1/health HTTP/1.1\r\n" + svc.bearer() + "\r\n");
  EXPECT_EQ(r.status, 400);
  r = round_trip(port(), "GET /api/v1/health HTTP/1.1\r\nHost: localhost:" + std::to_string(port()) + "\r\n" +
                             svc.bearer() + "\r\n");
  EXPECT_EQ(r.status, 200);
  // Two Host headers: which one would a proxy believe? Neither.
  r = round_trip(port(), "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port()) +
                             "\r\nHost: attacker.example\r\n" + svc.bearer() + "\r\n");
  EXPECT_EQ(r.status, 400);
}

TEST_F(ServiceSecurity, OnlyOurOriginExactly) {
  auto r = get("/api/v1/health", svc.bearer() + svc.origin());
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("access-control-allow-origin"), "http://127.0.0.1:" + std::to_string(port()));
  r = get("/api/v1/health", svc.bearer() + "Origin: https://evil.example\r\n");
  EXPECT_EQ(r.status, 403);
  EXPECT_FALSE(r.header("access-control-allow-origin"));
  r = get("/api/v1/health", svc.bearer() + "Origin: null\r\n");
  EXPECT_EQ(r.status, 403);
  // Close is not equal: a trailing slash, another scheme, another port.
  r = get("/api/v1/health", svc.bearer() + "Origin: http://127.0.0.1:" + std::to_string(port()) + "/\r\n");
  EXPECT_EQ(r.status, 403);
  r = get("/api/v1/health", svc.bearer() + "Origin: https://127.0.0.1:" + std::to_string(port()) + "\r\n");
  EXPECT_EQ(r.status, 403);
  // A preflight from elsewhere learns nothing.
  r = round_trip(port(), request("OPTIONS", "/api/v1/health", port(), "Origin: https://evil.example\r\n"));
  EXPECT_EQ(r.status, 403);
  r = round_trip(port(), request("OPTIONS", "/api/v1/health", port(), svc.origin()));
  EXPECT_EQ(r.status, 204);
  EXPECT_NE(r.header("access-control-allow-origin"), "*");
}

TEST_F(ServiceSecurity, LoginUrlWorksOnceAndSetsAStrictCookie) {
  const auto url = svc.service().login_url();
  const auto target = url.substr(url.find("/login"));
  auto r = get(target, "");
  ASSERT_EQ(r.status, 303);
  const auto cookie = r.header("set-cookie").value_or("");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(get(target, "").status, 403);  // used up
  EXPECT_EQ(get("/login?code=00", "").status, 403);
  const auto cookie_line = "Cookie: " + cookie.substr(0, cookie.find(';')) + "\r\n";
  r = get("/", cookie_line);
  EXPECT_EQ(r.status, 200);
  const auto csp = r.header("content-security-policy").value_or("");
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos);
  EXPECT_NE(csp.find("script-src 'sha256-"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe"), std::string::npos);
  EXPECT_EQ(get("/", "").status, 401);
  EXPECT_EQ(get("/api/v1/health", cookie_line).status, 200);
  EXPECT_EQ(get("/api/v1/health", "Cookie: cc_session=forged\r\n").status, 401);
  // A cookie does not mint new logins: only the token holder may.
  r = round_trip(port(), request("POST", "/api/v1/login-url", port(),
                                 cookie_line + svc.origin() + "Content-Type: application/json\r\n", "{}"));
  EXPECT_EQ(r.status, 403);
}

TEST_F(ServiceSecurity, StateChangingRoutesTakeJsonOnly) {
  // What a cross-site <form enctype="text/plain"> can send.
  auto r = round_trip(
      port(), request("POST", "/api/v1/login-url", port(), svc.bearer() + "Content-Type: text/plain\r\n", "{\"x\":1}"));
  EXPECT_EQ(r.status, 415);
  EXPECT_EQ(r.body.find("/login?code="), std::string::npos);
  r = round_trip(port(), request("POST", "/api/v1/login-url", port(),
                                 svc.bearer() + "Content-Type: application/x-www-form-urlencoded\r\n", "a=b"));
  EXPECT_EQ(r.status, 415);
  r = round_trip(port(), request("POST", "/api/v1/login-url", port(), svc.bearer()));
  EXPECT_EQ(r.status, 415);
  // A session cookie without the page's Origin is not the page.
  const auto cookie = svc.sign_in();
  r = round_trip(port(),
                 request("POST", "/api/v1/login-url", port(), cookie + "Content-Type: application/json\r\n", "{}"));
  EXPECT_EQ(r.status, 403);
  r = round_trip(
      port(), request("POST", "/api/v1/login-url", port(), svc.bearer() + "Content-Type: application/json\r\n", "{}"));
  EXPECT_EQ(r.status, 201);
  EXPECT_NE(r.body.find("/login?code="), std::string::npos);
}

TEST_F(ServiceSecurity, OversizedHeadersAndBodiesAreRefusedBeforeReading) {
  const std::string big(svc.service().server().limits().header_bytes + 100, 'a');
  auto r = get("/api/v1/health", svc.bearer() + "X-Filler: " + big + "\r\n");
  EXPECT_EQ(r.status, 431);
  // Only the headers are sent: the refusal comes without waiting for 100 MB.
  Connection c(port());
  c.send("POST /api/v1/login-url HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port()) + "\r\n" + svc.bearer() +
         "Content-Type: application/json\r\nContent-Length: 100000000\r\n\r\n");
  r = c.read(3s);
  EXPECT_EQ(r.status, 413);
  // Chunked: the limit holds while the chunks arrive too.
  Connection chunked(port());
  chunked.send("POST /api/v1/login-url HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port()) + "\r\n" + svc.bearer() +
               "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
  const std::string chunk(16 * 1024, ' ');
  bool refused = false;
  for (int i = 0; i < 16 && !refused; ++i) {
    if (!chunked.send("4000\r\n" + chunk + "\r\n")) refused = true;
    std::this_thread::sleep_for(5ms);
  }
  r = chunked.read(3s);
  EXPECT_TRUE(refused || r.status == 413) << r.status;
}

TEST_F(ServiceSecurity, MalformedRequestsGetA400) {
  auto r = round_trip(port(), "NOT HTTP AT ALL\r\n\r\n");
  EXPECT_EQ(r.status, 400);
  r = get("/api/v1/reports?model=%zz", svc.bearer());
  EXPECT_EQ(r.status, 400);
}

TEST_F(ServiceSecurity, SlowlorisIsCutOffAtTheRequestDeadline) {
  Connection c(port());
  const auto start = std::chrono::steady_clock::now();
  c.send("GET /api/v1/health HTTP/1.1\r\n");
  bool cut = false;
  // One header byte every 100 ms would take 30 s; the deadline is 1 s for the whole request.
  for (int i = 0; i < 300 && !cut; ++i) {
    if (!c.send("X")) cut = true;
    if (c.closed_within(100ms)) cut = true;
  }
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_TRUE(cut);
  EXPECT_LT(took, 5s);
}

TEST_F(ServiceSecurity, AThousandIdleConnectionsDoNotTakeItDown) {
  rlimit nofile{};
  getrlimit(RLIMIT_NOFILE, &nofile);
  if (nofile.rlim_cur < 2300) GTEST_SKIP() << "needs 2300 file descriptors, have " << nofile.rlim_cur;
  const long rss_before = rss_kib();
  std::vector<Connection> idle;
  for (int i = 0; i < 1000; ++i) idle.emplace_back(port());
  std::this_thread::sleep_for(200ms);
  const long rss_during = rss_kib();
  // Past the cap a connection is answered 503 and closed at once.
  EXPECT_LE(svc.service().server().connections(), svc.service().server().limits().max_connections);
  auto& last = idle.back();
  EXPECT_EQ(last.read(2s).status, 503);
  // The idle ones are dropped at the deadline, and the service answers again.
  std::this_thread::sleep_for(1500ms);
  EXPECT_EQ(get("/api/v1/health", svc.bearer()).status, 200);
  idle.clear();
  std::this_thread::sleep_for(200ms);
  EXPECT_LE(svc.service().server().connections(), 1u);
  const long rss_after = rss_kib();
  std::cout << "RSS KiB: before " << rss_before << ", with 1000 idle connections " << rss_during << ", after "
            << rss_after << "\n";
  EXPECT_LT(rss_during - rss_before, 32 * 1024);  // bounded per connection, no runaway
}

TEST_F(ServiceSecurity, ReportIdsCannotWalkTheFileSystem) {
  for (const auto* target : {"/api/v1/reports/..%2f..%2f..%2fetc%2fpasswd", "/api/v1/reports/%2e%2e",
                             "/api/v1/reports/1%00", "/api/v1/reports/-1", "/api/v1/reports/1.json",
                             "/api/v1/reports/99999999999999999999999", "/api/v1/reports/0x1"}) {
    const auto r = get(target, svc.bearer());
    EXPECT_EQ(r.status, 400) << target;
    EXPECT_EQ(r.body.find("root:"), std::string::npos);
  }
  // Real slashes make another path, which is no route.
  const auto r = get("/api/v1/reports/../../../etc/passwd", svc.bearer());
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body.find("root:"), std::string::npos);
}

TEST_F(ServiceSecurity, TheUnixSocketIsOwnerOnly) {
  struct stat st {};
  ASSERT_EQ(::stat(svc.socket_path().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  Connection c(svc.socket_path().string());
  c.send("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n" + svc.bearer() + "\r\n");
  EXPECT_EQ(c.read().status, 200);
  Connection d(svc.socket_path().string());
  d.send("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n");
  EXPECT_EQ(d.read().status, 401);  // the socket's mode is not the only lock
}

}  // namespace
}  // namespace cc::service::testing
