// The bytes the service puts on the wire: the response head it writes itself (no header
// injection, framing per HTTP version), HEAD, keep-alive and Connection: close over a real
// socket, and the constant-time secret comparison the policy relies on.
#include <gtest/gtest.h>

#include <string>

#include "http_client.hpp"
#include "running_service.hpp"
#include "service/response_head.hpp"
#include "service/secrets.hpp"

namespace cc::service::testing {
namespace {

using namespace std::chrono_literals;

TEST(SecretsEqual, SameLengthNearMissesAndOtherLengthsAreRefused) {
  const std::string token(kToken);
  EXPECT_TRUE(secrets_equal(token, std::string(kToken)));
  auto last = token;
  last.back() = last.back() == 'f' ? 'e' : 'f';
  EXPECT_FALSE(secrets_equal(token, last));
  auto first = token;
  first.front() = first.front() == '0' ? '1' : '0';
  EXPECT_FALSE(secrets_equal(token, first));
  EXPECT_FALSE(secrets_equal(token, token.substr(0, token.size() - 1)));  // a prefix
  EXPECT_FALSE(secrets_equal(token, token + "0"));                        // an extension
  EXPECT_FALSE(secrets_equal(token, ""));
  EXPECT_FALSE(secrets_equal("", token));
}

TEST(ResponseHead, WritesTheStatusLineCommonHeadersAndFraming) {
  std::string out;
  ResponseHead head(out, 200, 11);
  head.add("Content-Type", "application/json");
  head.finish(true, 11);
  EXPECT_EQ(out.rfind("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n", 0), 0u) << out;
  for (const char* line : {"\r\nServer: coldcheck\r\n", "\r\nCache-Control: no-store\r\n", "\r\nVary: Origin\r\n",
                           "\r\nX-Content-Type-Options: nosniff\r\n", "\r\nX-Frame-Options: DENY\r\n",
                           "\r\nReferrer-Policy: no-referrer\r\n", "\r\nCross-Origin-Resource-Policy: same-origin\r\n",
                           "\r\nContent-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n",
                           "\r\nContent-Length: 11\r\n\r\n"}) {
    EXPECT_NE(out.find(line), std::string::npos) << line;
  }
  EXPECT_EQ(out.find("Connection:"), std::string::npos);  // 1.1 keeps the connection unless told
  EXPECT_EQ(out.size() - 4, out.find("\r\n\r\n"));
}

TEST(ResponseHead, AHeaderValueWithCrOrLfIsNeverWritten) {
  for (const char* value : {"a\r\nSet-Cookie: x=1", "a\nb", "a\rb", "evil"}) {
    std::string out;
    ResponseHead head(out, 200, 11);
    head.add("X-Test", value);
    const bool clean = std::string(value) == "evil";
    EXPECT_EQ(head.safe(), clean) << value;
    EXPECT_EQ(out.find("X-Test") != std::string::npos, clean) << value;
    EXPECT_EQ(out.find("Set-Cookie"), std::string::npos);
  }
  std::string out;
  ResponseHead head(out, 200, 11);
  head.add("Bad Name", "v");  // not a token
  EXPECT_FALSE(head.safe());
  head.add(std::string_view("X\0Y", 3), "v");
  EXPECT_FALSE(head.safe());
  EXPECT_EQ(out.find("Name"), std::string::npos);
}

TEST(ResponseHead, TheCommonHeadersCannotBeOverriddenAndCspIsSetOnce) {
  std::string out;
  ResponseHead head(out, 200, 11);
  head.add("cache-control", "public, max-age=99");
  head.add("Content-Length", "5");
  head.add("Content-Security-Policy", "default-src 'self'");
  head.finish(true, 2);
  EXPECT_EQ(out.find("max-age"), std::string::npos);
  EXPECT_EQ(out.find("Content-Length: 5"), std::string::npos);
  EXPECT_NE(out.find("Content-Length: 2\r\n"), std::string::npos);
  EXPECT_NE(out.find("Content-Security-Policy: default-src 'self'\r\n"), std::string::npos);
  EXPECT_EQ(out.find("frame-ancestors"), std::string::npos);  // no second, default CSP
}

TEST(ResponseHead, FramingFollowsTheVersionAndTheStatus) {
  std::string out;
  ResponseHead(out, 200, 11).finish(false, 0);
  EXPECT_NE(out.find("\r\nConnection: close\r\n"), std::string::npos);
  ResponseHead(out, 200, 10).finish(true, 0);
  EXPECT_EQ(out.rfind("HTTP/1.0 200 OK\r\n", 0), 0u);
  EXPECT_NE(out.find("\r\nConnection: keep-alive\r\n"), std::string::npos);
  ResponseHead(out, 200, 10).finish(false, 0);
  EXPECT_EQ(out.find("Connection:"), std::string::npos);  // 1.0 closes unless told
  ResponseHead no_content(out, 204, 11);
  no_content.finish(true, 0);
  EXPECT_TRUE(no_content.bodiless());
  EXPECT_EQ(out.rfind("HTTP/1.1 204 No Content\r\n", 0), 0u);
  EXPECT_EQ(out.find("Content-Length"), std::string::npos);
}

class ServiceWire : public ::testing::Test {
 protected:
  RunningService svc;
  unsigned port() const { return svc.port(); }
  std::string health(const std::string& method = "GET", const std::string& extra = "") {
    return request(method, "/api/v1/health", port(), svc.bearer() + extra);
  }
};

TEST_F(ServiceWire, KeepAliveServesRequestsInTurnOnOneConnection) {
  Connection c(port());
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(c.send(health()));
    const auto r = c.read();
    EXPECT_EQ(r.status, 200);
    EXPECT_NE(r.body.find("\"ok\":true"), std::string::npos);
    EXPECT_FALSE(r.header("connection"));
  }
  // Two requests in one write: two answers, in order.
  ASSERT_TRUE(c.send(health() + request("GET", "/api/v1/nothing-here", port(), svc.bearer())));
  EXPECT_EQ(c.read().status, 200);
  EXPECT_EQ(c.read().status, 404);
  EXPECT_FALSE(c.closed_within(200ms));
}

TEST_F(ServiceWire, ConnectionCloseIsAnsweredAndClosed) {
  Connection c(port());
  ASSERT_TRUE(c.send(health("GET", "Connection: close\r\n")));
  const auto r = c.read();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("connection"), "close");
  EXPECT_TRUE(c.closed_within(2s));
}

TEST_F(ServiceWire, Http10ClosesUnlessAskedToKeepAlive) {
  const std::string get10 =
      "GET /api/v1/health HTTP/1.0\r\nHost: 127.0.0.1:" + std::to_string(port()) + "\r\n" + svc.bearer();
  {
    Connection c(port());
    ASSERT_TRUE(c.send(get10 + "\r\n"));
    const auto r = c.read();
    EXPECT_EQ(r.status, 200);
    EXPECT_FALSE(r.header("connection"));
    EXPECT_TRUE(c.closed_within(2s));
  }
  Connection c(port());
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(c.send(get10 + "Connection: keep-alive\r\n\r\n"));
    const auto r = c.read();
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.header("connection"), "keep-alive");
  }
  EXPECT_FALSE(c.closed_within(200ms));
}

TEST_F(ServiceWire, HeadAnswersWithAHeadAndNoBody) {
  Connection c(port());
  ASSERT_TRUE(c.send(health("HEAD")));
  const auto seen = c.read_until("never sent", 500ms);  // everything that arrives
  ASSERT_EQ(seen.rfind("HTTP/1.1 405 ", 0), 0u) << seen;
  const auto at = seen.find("\r\nContent-Length: ");
  ASSERT_NE(at, std::string::npos);
  EXPECT_GT(std::stoul(seen.substr(at + 18)), 0u);  // the length the body would have
  EXPECT_EQ(seen.find("\r\n\r\n"), seen.size() - 4) << "a body followed the head";
  // The connection is still framed right: a bad request after it is refused with a body.
  ASSERT_TRUE(c.send("NOT HTTP\r\n\r\n"));
  const auto after = c.read_until("\"malformed\"", 2s);
  EXPECT_NE(after.find("HTTP/1.1 400 ", seen.size()), std::string::npos) << after;
  EXPECT_NE(after.find("\"code\":\"malformed\"", seen.size()), std::string::npos) << after;
}

TEST_F(ServiceWire, TheCommonHeadersAreOnEveryAnswer) {
  for (const auto& raw :
       {health(), health("DELETE"), request("GET", "/", port()), request("GET", "/nothing", port(), svc.bearer()),
        request("OPTIONS", "/api/v1/health", port(), svc.origin() + "Connection: close\r\n")}) {
    const auto r = round_trip(port(), raw);
    EXPECT_NE(r.status, 0) << raw;
    EXPECT_EQ(r.header("server"), "coldcheck") << raw;
    EXPECT_EQ(r.header("cache-control"), "no-store") << raw;
    EXPECT_EQ(r.header("x-frame-options"), "DENY") << raw;
    EXPECT_EQ(r.header("referrer-policy"), "no-referrer") << raw;
    EXPECT_EQ(r.header("cross-origin-resource-policy"), "same-origin") << raw;
    EXPECT_TRUE(r.header("content-security-policy")) << raw;
    EXPECT_EQ(r.headers.count("content-security-policy"), 1u) << raw;
  }
}

}  // namespace
}  // namespace cc::service::testing
