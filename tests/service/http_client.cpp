#include "http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace cc::service::testing {

namespace {
using Clock = std::chrono::steady_clock;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Reads what is there within `until`; false on close, error or time out.
bool read_some(int fd, std::string& into, Clock::time_point until) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
  if (left <= 0) return false;
  pollfd p{fd, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(left)) <= 0) return false;
  char buf[8192];
  const auto n = ::recv(fd, buf, sizeof buf, 0);
  if (n <= 0) return false;
  into.append(buf, static_cast<std::size_t>(n));
  return true;
}
}  // namespace

std::optional<std::string> HttpResponse::header(const std::string& name) const {
  const auto it = headers.find(lower(name));
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

Connection::Connection(unsigned port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd_ < 0 || ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    throw std::runtime_error(std::string("connect: ") + std::strerror(errno));
  }
}

Connection::Connection(const std::string& unix_path) {
  fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_un a{};
  a.sun_family = AF_UNIX;
  std::strncpy(a.sun_path, unix_path.c_str(), sizeof a.sun_path - 1);
  if (fd_ < 0 || ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    throw std::runtime_error(std::string("connect: ") + std::strerror(errno));
  }
}

Connection::~Connection() {
  if (fd_ >= 0) ::close(fd_);
}

Connection::Connection(Connection&& other) noexcept : fd_(other.fd_), pending_(std::move(other.pending_)) {
  other.fd_ = -1;
}

bool Connection::send(const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const auto n = ::send(fd_, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

HttpResponse Connection::read(std::chrono::milliseconds limit) {
  const auto until = Clock::now() + limit;
  HttpResponse r;
  std::size_t head_end;
  while ((head_end = pending_.find("\r\n\r\n")) == std::string::npos) {
    if (!read_some(fd_, pending_, until)) return r;
  }
  const std::string head = pending_.substr(0, head_end);
  pending_.erase(0, head_end + 4);
  std::size_t line_end = head.find("\r\n");
  const std::string status_line = head.substr(0, line_end);
  if (status_line.size() >= 12) r.status = std::stoi(status_line.substr(9, 3));
  while (line_end != std::string::npos) {
    const auto start = line_end + 2;
    line_end = head.find("\r\n", start);
    const auto line = head.substr(start, line_end == std::string::npos ? std::string::npos : line_end - start);
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    auto value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    r.headers.emplace(lower(line.substr(0, colon)), value);
  }
  if (const auto length = r.header("content-length")) {
    const auto n = std::stoul(*length);
    while (pending_.size() < n) {
      if (!read_some(fd_, pending_, until)) break;
    }
    r.body = pending_.substr(0, std::min(n, pending_.size()));
    pending_.erase(0, r.body.size());
  } else {
    while (read_some(fd_, pending_, until)) {
    }
    r.body = std::move(pending_);
    pending_.clear();
  }
  return r;
}

std::string Connection::read_until(const std::string& needle, std::chrono::milliseconds limit) {
  const auto until = Clock::now() + limit;
  while (pending_.find(needle) == std::string::npos) {
    if (!read_some(fd_, pending_, until)) break;
  }
  return pending_;
}

std::optional<std::pair<std::string, std::string>> Connection::next_event(std::chrono::milliseconds limit) {
  const auto until = Clock::now() + limit;
  std::size_t end;
  while ((end = pending_.find("\n\n")) == std::string::npos) {
    if (!read_some(fd_, pending_, until)) return std::nullopt;
  }
  const std::string frame = pending_.substr(0, end);
  pending_.erase(0, end + 2);
  std::pair<std::string, std::string> out;
  std::size_t at = 0;
  while (at < frame.size()) {
    auto nl = frame.find('\n', at);
    if (nl == std::string::npos) nl = frame.size();
    const auto line = frame.substr(at, nl - at);
    if (line.rfind("event: ", 0) == 0) out.first = line.substr(7);
    if (line.rfind("data: ", 0) == 0) out.second = line.substr(6);
    at = nl + 1;
  }
  return out;
}

int Connection::read_stream_head(std::chrono::milliseconds limit) {
  const auto until = Clock::now() + limit;
  std::size_t end;
  while ((end = pending_.find("\r\n\r\n")) == std::string::npos) {
    if (!read_some(fd_, pending_, until)) return 0;
  }
  const int status = pending_.size() >= 12 ? std::stoi(pending_.substr(9, 3)) : 0;
  pending_.erase(0, end + 4);
  return status;
}

bool Connection::closed_within(std::chrono::milliseconds limit) {
  const auto until = Clock::now() + limit;
  while (Clock::now() < until) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(std::max<long>(left, 1))) <= 0) return false;
    char buf[4096];
    const auto n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) return true;
    pending_.append(buf, static_cast<std::size_t>(n));
  }
  return false;
}

std::string request(const std::string& method, const std::string& target, unsigned port, const std::string& extra,
                    const std::string& body) {
  std::string r = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\n" + extra;
  if (!body.empty() || method == "POST") r += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  return r + "\r\n" + body;
}

HttpResponse round_trip(unsigned port, const std::string& raw) {
  Connection c(port);
  c.send(raw);
  return c.read();
}

}  // namespace cc::service::testing
