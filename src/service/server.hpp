#pragma once
// The HTTP/1.1 server (Boost.Beast) in front of the Api: loopback TCP, a Unix socket, or
// sockets handed over by systemd. Every request passes the AccessPolicy first; limits
// are enforced while reading (header and body sizes before anything is allocated, one
// deadline for a whole request, a cap on connections).
#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "service/access_policy.hpp"
#include "service/api.hpp"
#include "service/event_hub.hpp"

namespace cc::service {

struct Limits {
  std::size_t header_bytes = 8 * 1024;
  std::size_t body_bytes = 64 * 1024;
  // From the first byte we wait for to the last byte of the request: dripping bytes
  // (slowloris) does not extend it. Also the idle time allowed between requests.
  std::chrono::milliseconds request_timeout{10'000};
  std::chrono::milliseconds write_timeout{10'000};
  std::size_t max_connections = 512;
  std::size_t max_queued_events = 256;  // per event stream; a reader that falls behind is dropped
};

class Server {
 public:
  Server(boost::asio::io_context& io, Api& api, AccessPolicy& policy, Sessions& sessions, EventHub& hub,
         Limits limits = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Listens on HOST:PORT (port 0: any); returns the bound port and allows it in the policy.
  unsigned listen_tcp(const std::string& host, unsigned port);
  // Listens on a Unix socket at `path` (replaced if stale), mode 0600.
  void listen_unix(const std::filesystem::path& path);
  // Adopts the sockets systemd passed (sd_listen_fds); returns how many. Their TCP ports
  // are allowed in the policy.
  std::size_t adopt_systemd_sockets();

  // Closes the listeners and waits for the workers; the network thread must be stopped.
  void shutdown();

  std::size_t connections() const noexcept { return connections_.load(); }
  const Limits& limits() const noexcept { return limits_; }

  // Implementation, shared with the connection objects.
  struct Shared;

 private:
  boost::asio::io_context& io_;
  Limits limits_;
  std::atomic<std::size_t> connections_{0};
  std::unique_ptr<Shared> shared_;
};

}  // namespace cc::service
