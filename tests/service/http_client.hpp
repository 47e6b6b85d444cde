#pragma once
// A deliberately small HTTP/1.1 client over a real socket for the service tests: it
// sends exactly the bytes a test writes (bad ones included) and reads one response.
#include <chrono>
#include <map>
#include <optional>
#include <string>

namespace cc::service::testing {

struct HttpResponse {
  int status = 0;                                   // 0: the connection closed (or timed out) before a status line
  std::multimap<std::string, std::string> headers;  // names lower-cased
  std::string body;
  std::optional<std::string> header(const std::string& name) const;
};

class Connection {
 public:
  explicit Connection(unsigned port);  // 127.0.0.1:port
  explicit Connection(const std::string& unix_path);
  ~Connection();
  Connection(Connection&& other) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  bool send(const std::string& bytes);  // false when the peer has closed
  // One response (Content-Length bodies, or read to close); status 0 when none came.
  HttpResponse read(std::chrono::milliseconds limit = std::chrono::seconds(5));
  // Reads until `needle` appears or `limit` passes; returns what was read.
  std::string read_until(const std::string& needle, std::chrono::milliseconds limit);
  // Reads the head of an event stream and returns its status (0: none came).
  int read_stream_head(std::chrono::milliseconds limit);
  // The next server-sent event after the response head was read: {event name, data}.
  std::optional<std::pair<std::string, std::string>> next_event(std::chrono::milliseconds limit);
  // True when the peer closed the connection within `limit`.
  bool closed_within(std::chrono::milliseconds limit);
  int fd() const noexcept { return fd_; }

 private:
  int fd_ = -1;
  std::string pending_;
};

// A request with the usual headers for this service on `port`; `extra` lines end in \r\n.
std::string request(const std::string& method, const std::string& target, unsigned port, const std::string& extra = "",
                    const std::string& body = "");

// One request on a new connection.
HttpResponse round_trip(unsigned port, const std::string& raw);

}  // namespace cc::service::testing
