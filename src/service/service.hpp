#pragma once
// The whole service in one object: its secrets, policy, events, routes and server on one
// network thread. `coldcheck serve` and the tests start it the same way.
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "service/access_policy.hpp"
#include "service/api.hpp"
#include "service/event_hub.hpp"
#include "service/secrets.hpp"
#include "service/server.hpp"

namespace cc::service {

struct ServiceConfig {
  ServiceOptions api;
  Limits limits;
  std::string token;                            // what Authorization: Bearer must carry
  std::chrono::milliseconds device_poll{2000};  // 0: no device watcher
};

class Service {
 public:
  Service(const catalog::Catalog& catalog, ServiceConfig config);
  ~Service();

  // The first TCP listener also sets the base of login URLs.
  unsigned listen_tcp(const std::string& host, unsigned port);
  void listen_unix(const std::filesystem::path& path);
  std::size_t adopt_systemd_sockets();

  // Runs the network thread here until stop() (from any thread, or a signal handler
  // posted onto it).
  void run();
  void stop();
  boost::asio::io_context& io() noexcept { return *io_; }

  std::string login_url() { return api_.login_url(); }
  Server& server() noexcept { return server_; }
  EventHub& hub() noexcept { return hub_; }

 private:
  // Destroyed by hand in ~Service: after the acceptors and the workers, before the
  // objects its pending handlers refer to.
  std::unique_ptr<boost::asio::io_context> io_;
  Sessions sessions_;
  AccessPolicy policy_;
  EventHub hub_;
  Api api_;
  Server server_;
  std::chrono::milliseconds device_poll_;
};

}  // namespace cc::service
